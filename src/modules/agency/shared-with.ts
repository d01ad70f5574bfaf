import type { EntityManager } from 'typeorm';
import { ErrorCode, type Problems } from '../../shared/domain-error';
import { HandlingCode } from '../../shared/handling';
import { AgencyService } from './agency.service';

/**
 * Resolves the `sharedWith` agency codes of a record being created: each must be a registered
 * agency (INVALID_INPUT at ["input","sharedWith",i] otherwise), and sharing applies only to
 * TLP_AMBER. Returns the agencies' ids without repeats and without the owner itself.
 */
export async function resolveSharedWith(
  manager: EntityManager,
  codes: readonly string[] | null | undefined,
  handling: HandlingCode,
  ownerAgencyId: string,
  problems: Problems,
): Promise<string[]> {
  if (!codes || codes.length === 0) return [];
  if (handling !== HandlingCode.TLP_AMBER) {
    problems.add(ErrorCode.INVALID_INPUT, `sharedWith applies only to TLP_AMBER (${handling} decides its readers by itself)`, ['input', 'sharedWith']);
    return [];
  }
  const ids = await new AgencyService(manager).idsByCodes(codes);
  ids.forEach((id, i) => {
    if (!id) problems.add(ErrorCode.INVALID_INPUT, `sharedWith: no agency ${codes[i].trim().toUpperCase()} is registered`, ['input', 'sharedWith', String(i)]);
  });
  return [...new Set(ids.filter((id): id is string => id !== null && id !== ownerAgencyId))];
}
