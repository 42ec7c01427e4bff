import type { CallContext, KmsCaller } from '../../kms/caller.ts';
import type { NamedPolicy } from '../../kms/access/policy/types.ts';

/**
 * The simulated AWS world around KMS: accounts, IAM users and roles with their identity policies
 * and tags, assumed-role sessions, the account root users, and the AWS services that call KMS on a
 * principal's behalf. A spec is plain JSON: lessons write one, the sandbox saves one.
 */
export interface WorldSpec {
  /** Region of calls that do not name one (default `eu-west-2`). */
  region?: string;
  accounts: AccountSpec[];
  services?: ServiceSpec[];
  /** ARN of the principal acting; default the first user of the first account (else its root user). */
  current?: string;
}

export interface AccountSpec {
  /** 12 digits. */
  id: string;
  name: string;
  description?: string;
  users?: UserSpec[];
  roles?: RoleSpec[];
}

export interface UserSpec {
  name: string;
  description?: string;
  /** Identity policies attached to the user (attached managed and inline alike). */
  policies?: NamedPolicy[];
  /** IAM tags, seen by conditions as aws:PrincipalTag/<key>. */
  tags?: Record<string, string>;
  /** Where the user's calls come from (aws:SourceIp). */
  sourceIp?: string;
}

export interface RoleSpec {
  name: string;
  description?: string;
  /** The role's permissions policies: every session of the role has exactly these. */
  policies?: NamedPolicy[];
  tags?: Record<string, string>;
  /** Sessions that assumed the role (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION). */
  sessions?: SessionSpec[];
}

export interface SessionSpec {
  /** The role session name, e.g. an EC2 instance id. */
  name: string;
  description?: string;
  sourceIp?: string;
}

/** An AWS service that calls KMS on a principal's behalf (kms:ViaService). */
export interface ServiceSpec {
  /** Short name used in lessons and `callContext({ viaService })`, e.g. `s3`, `ebs`. */
  name: string;
  /** e.g. `Amazon S3`. */
  title: string;
  /** Service principal, e.g. `s3.amazonaws.com`; EBS calls KMS as EC2 (`ec2.amazonaws.com`). */
  principal: string;
  description?: string;
}

export type PrincipalKind = 'root' | 'user' | 'role' | 'assumed-role' | 'service';

export interface PrincipalSummary {
  arn: string;
  name: string;
  kind: PrincipalKind;
  /** The principal's account; empty for AWS services, which belong to no account. */
  accountId: string;
  description: string;
}

export interface CallContextOptions {
  /** A service's short name (`s3`, `ebs` …) or a full ViaService host (`s3.eu-west-2.amazonaws.com`). */
  viaService?: string;
  region?: string;
  sourceIp?: string;
}

export interface World {
  /** Everyone in the world, account by account (root, users, roles, their sessions), then services. */
  principals(): PrincipalSummary[];
  /** ARN of the principal the learner acts as. */
  readonly current: string;
  /** Acts as another principal: a root user, an IAM user or an assumed-role session (a role or a service cannot call by itself). */
  actAs(arn: string): void;
  /** The KMS caller for `arn` (default: the current principal), with its identity policies and tags. */
  caller(arn?: string): KmsCaller;
  /** A call context for the current principal; with `viaService`, an AWS service calls on its behalf. */
  callContext(options?: CallContextOptions): CallContext;
  /**
   * Whether an IAM principal exists, as KMS checks the principals a key policy names: users and
   * roles of the world's accounts must be in it (a role session: its role); account root users,
   * and anyone in an account outside the world, are taken to exist.
   */
  principalExists(arn: string): boolean;
  /** The identity policies that apply to `arn` (a session's are its role's; root and services have none). */
  identityPolicies(arn: string): NamedPolicy[];
  /** Replaces the identity policies of a user or role (for a session: of its role). Malformed documents are refused. */
  setIdentityPolicies(arn: string, policies: NamedPolicy[]): void;
  /** The IAM tags of `arn` (a session's are its role's). */
  tags(arn: string): Record<string, string>;
  /** Replaces the IAM tags of a user or role (for a session: of its role). */
  setTags(arn: string, tags: Record<string, string>): void;
  /** Called after every change (act as, policies, tags). Returns the unsubscribe function. */
  subscribe(fn: () => void): () => void;
  /** The world as plain JSON; `createWorld(saved)` restores it. */
  toJSON(): WorldSpec & { current: string };
}
