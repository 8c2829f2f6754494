import { isAbsolute, resolve } from 'node:path';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import {
  ContentIssue,
  DEFAULT_DETECTION_OPTIONS,
  DetectionContent,
  DetectionContext,
  DetectionEngine,
  DetectionOptions,
  readRuleSources,
  RuleException,
  RuleSource,
} from '@soc/detection';
import { CLOCK, type Clock, ErrorCode, SOC_CONFIG, SOC_LOGGER, type SocConfig, type SocLogger, SocError } from '@soc/shared';
import { RulesRepository, RuleSwitch, StoredRule } from './rules.repository';

/** What is in force: compiled rules and the switches and exceptions that go with them. */
interface InForce {
  engine: DetectionEngine;
  stored: readonly StoredRule[];
  switches: ReadonlyMap<string, boolean>;
  switchList: readonly RuleSwitch[];
  exceptions: readonly RuleException[];
  revision: string;
}

/**
 * The detection rules in force: the bundled ruleset folder plus the rules written at run time, with
 * their per-agency switches and exceptions. Reloaded without a restart when the detection revision
 * moves (checked every `SOC_RULES_POLL_MS` on every node, at once on the node that made the change). Rules that do
 * not load are logged with their reasons and listed by `issues`.
 */
@Injectable()
export class RulesRegistry implements OnModuleInit, OnApplicationShutdown {
  private inForce?: InForce;
  private timer?: NodeJS.Timeout;
  private reloading?: Promise<void>;

  constructor(
    private readonly repository: RulesRepository,
    @Inject(SOC_CONFIG) private readonly config: SocConfig,
    @Inject(SOC_LOGGER) private readonly logger: SocLogger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => void this.refreshIfStale(), this.config.detection.rulesPollMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** The engine of the rules in force (a reload swaps it; batches in flight finish with the one they took). */
  engine(): DetectionEngine {
    return this.current().engine;
  }

  issues(): readonly ContentIssue[] {
    return this.current().engine.content.issues;
  }

  storedRules(): readonly StoredRule[] {
    return this.current().stored;
  }

  /** Switches (`*` = every agency) in force: an agency's own switch wins over the general one; default on. */
  isEnabled(ruleId: string, agencyId: string | null): boolean {
    const { switches } = this.current();
    return switches.get(`${ruleId}|${agencyId ?? ''}`) ?? switches.get(`${ruleId}|*`) ?? true;
  }

  /** The rule's own switches per agency (the general one is `isEnabled(ruleId, null)`). */
  agencySwitches(ruleId: string): Array<{ agencyId: string; enabled: boolean }> {
    return this.current().switchList.filter((s) => s.ruleId === ruleId && s.agencyId !== '*').map(({ agencyId, enabled }) => ({ agencyId, enabled }));
  }

  /** What a batch is evaluated against besides the events. */
  context(): Omit<DetectionContext, 'intel'> {
    const { exceptions } = this.current();
    return { now: this.clock.now(), exceptions, isEnabled: (ruleId, agencyId) => this.isEnabled(ruleId, agencyId) };
  }

  /** Rule sources in force, plus `extra` in place of the stored rules it replaces (to check a rule before storing it). */
  async sources(extra: readonly RuleSource[] = [], replacing: readonly string[] = []): Promise<RuleSource[]> {
    const stored = (await this.repository.rules()).filter((rule) => !replacing.includes(rule.ruleId));
    return [...this.bundled(), ...stored.map(storedSource), ...extra];
  }

  /** Detection options from the one config. */
  options(): DetectionOptions {
    const { latenessMs, suppressionMs } = this.config.detection;
    return { ...DEFAULT_DETECTION_OPTIONS, latenessMs, suppressionMs };
  }

  /** Recompiles everything now (one reload at a time). */
  reload(): Promise<void> {
    this.reloading ??= this.load().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  private async refreshIfStale(): Promise<void> {
    try {
      if ((await this.repository.revision()) !== this.inForce?.revision) await this.reload();
    } catch (error) {
      this.logger.error({ err: error }, 'could not check the detection rules for changes; keeping the rules in force');
    }
  }

  private async load(): Promise<void> {
    const revision = await this.repository.revision();
    const [stored, switches, exceptions] = await Promise.all([this.repository.rules(), this.repository.switches(), this.repository.exceptions()]);
    const sources = [...this.bundled(), ...stored.map(storedSource)];
    const content = DetectionContent.compile(sources);
    for (const issue of content.issues) this.logger.warn({ rule: issue.ruleId, title: issue.title, origin: issue.origin, reason: issue.reason }, 'detection rule not loaded');
    this.inForce = {
      engine: new DetectionEngine(content, this.options()),
      stored,
      switches: switchMap(switches),
      switchList: switches,
      exceptions: exceptions.map((e) => ({ ...e, expiresAt: e.expiresAt ? new Date(e.expiresAt) : null })),
      revision,
    };
    this.logger.info({ files: sources.length, rules: content.rules.size, notLoaded: content.issues.length, version: content.version, revision }, 'detection rules loaded');
  }

  private bundled(): RuleSource[] {
    const dir = isAbsolute(this.config.detection.rulesDir) ? this.config.detection.rulesDir : resolve(this.config.detection.rulesDir);
    try {
      return readRuleSources(dir);
    } catch (error) {
      throw new SocError(ErrorCode.ConfigInvalid, `SOC_RULES_DIR ${dir} cannot be read: ${(error as Error).message}`);
    }
  }

  private current(): InForce {
    if (!this.inForce) throw new SocError(ErrorCode.DatabaseUnavailable, 'detection rules are not loaded yet');
    return this.inForce;
  }
}

const storedSource = (rule: StoredRule): RuleSource => ({ origin: `db:${rule.ruleId}@v${rule.version}`, text: rule.yaml });

function switchMap(switches: readonly RuleSwitch[]): Map<string, boolean> {
  return new Map(switches.map((s) => [`${s.ruleId}|${s.agencyId === '*' ? '*' : s.agencyId}`, s.enabled]));
}
