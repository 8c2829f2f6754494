import { AuditRepository, type AuditVerification, readAuditChain, verifyAuditChain } from '@soc/audit';
import { createLogger, describeError, loadConfig, SocError } from '@soc/shared';
import { withShortLivedConnection } from '@soc/storage';
import { CliCommand, CliIo, CliUsageError } from '../cli-io';
import { withDatabase } from '../with-database';

/** Exit codes a monitoring job can tell apart: tampering is not the same alarm as an unreachable database. */
export const AUDIT_VERIFY_EXIT = { intact: 0, broken: 1, notVerified: 2 } as const;

const DEFAULT_PAGE_SIZE = 5000;

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function describeVerification(result: AuditVerification): string {
  if (!result.ok) {
    const { seq, reason } = result.firstBroken;
    return `audit: chain BROKEN at record ${seq}: ${reason} (after ${plural(result.records, 'record')} verified)`;
  }
  if (result.records === 0) return 'audit: chain intact, 0 records (empty log)';
  const unused = result.unusedSeqs > 0 ? `; ${plural(result.unusedSeqs, 'sequence number')} left unused by rolled-back appends` : '';
  return `audit: chain intact, ${plural(result.records, 'record')}, last seq ${result.lastSeq} (hash ${result.lastHash})${unused}`;
}

/**
 * Reads the audit log straight off a plain connection rather than through the app's DatabaseModule: that
 * module migrates at start, and a verification must not write (it may run with a read-only role).
 */
function verifyDatabase(url: string, pageSize: number): Promise<AuditVerification> {
  return withShortLivedConnection(url, (dataSource) => verifyAuditChain(readAuditChain(new AuditRepository(dataSource), pageSize)));
}

/** `audit verify`: recomputes the audit log's hash chain from the first record to the last. */
export function createAuditVerifyCommand(pageSize = DEFAULT_PAGE_SIZE): CliCommand {
  return {
    name: 'audit',
    summary: 'audit verify: check the audit log hash chain (exit 0 intact, 1 broken, 2 could not check)',
    usage: 'audit verify',
    async run(args: string[], io: CliIo): Promise<number> {
      if (args.length !== 1 || args[0] !== 'verify') throw new CliUsageError('expected "audit verify"');
      let result: AuditVerification;
      try {
        const config = loadConfig(io.env);
        result = await withDatabase(config, createLogger('warn'), (url) => verifyDatabase(url, pageSize));
      } catch (error) {
        // Not the "broken" code: a failed check says nothing about the chain either way.
        const message = error instanceof SocError ? `${error.code}: ${error.message}` : describeError(error);
        io.stderr.write(`soc-cli audit verify: could not verify: ${message}\n`);
        return AUDIT_VERIFY_EXIT.notVerified;
      }
      io.stdout.write(`${describeVerification(result)}\n`);
      return result.ok ? AUDIT_VERIFY_EXIT.intact : AUDIT_VERIFY_EXIT.broken;
    },
  };
}

export const auditVerifyCommand = createAuditVerifyCommand();
