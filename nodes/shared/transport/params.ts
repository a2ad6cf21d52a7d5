import type { ParamValue } from '../../../credentials/common/ucloud/signing';

/** A request's parameters before encoding: lists become `Name.0`, `Name.1`, …; unset ones are not sent. */
export type ApiParams = Record<string, ParamValue>;

/**
 * Where a request acts: a project (else the credential's, else the key's default) and, for
 * tasks, whole-site acceleration (DCDN). Options → Project ID and Whole-Site Acceleration.
 */
export type Scope = { ProjectId?: string; IsDcdn?: true };
