import { isAbsolute, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ContentIssue, DEFAULT_DETECTION_OPTIONS, DetectionContent, DetectionEngine, DetectionOptions } from '@soc/detection';
import { ErrorCode, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger, SocError } from '@soc/shared';
import { readRuleFiles } from './rule-files';

/**
 * The detection rules in force: the bundled ruleset folder, compiled once at start and again on
 * `reload()` (no restart). Rules that do not load are logged with their reasons and listed by `issues`.
 */
@Injectable()
export class RulesRegistry {
  private current: DetectionEngine;

  constructor(
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
  ) {
    this.current = this.build();
  }

  /** The engine of the rules in force (a reload swaps it; batches in flight finish with the one they took). */
  engine(): DetectionEngine {
    return this.current;
  }

  issues(): readonly ContentIssue[] {
    return this.current.content.issues;
  }

  reload(): DetectionEngine {
    this.current = this.build();
    return this.current;
  }

  /** Detection options from the one config. */
  options(): DetectionOptions {
    const { latenessMs, suppressionMs } = this.config.detection;
    return { ...DEFAULT_DETECTION_OPTIONS, latenessMs, suppressionMs };
  }

  private build(): DetectionEngine {
    const dir = isAbsolute(this.config.detection.rulesDir) ? this.config.detection.rulesDir : resolve(this.config.detection.rulesDir);
    let sources;
    try {
      sources = readRuleFiles(dir);
    } catch (error) {
      throw new SocError(ErrorCode.ConfigInvalid, `SOC_RULES_DIR ${dir} cannot be read: ${(error as Error).message}`);
    }
    const content = DetectionContent.compile(sources);
    for (const issue of content.issues) this.logger.warn({ rule: issue.ruleId, title: issue.title, origin: issue.origin, reason: issue.reason }, 'detection rule not loaded');
    this.logger.info({ dir, files: sources.length, rules: content.rules.size, notLoaded: content.issues.length, version: content.version }, 'detection rules loaded');
    return new DetectionEngine(content, this.options());
  }
}
