/**
 * AccessDeniedException messages, worded as AWS words them (reference §11.2 / §15).
 * `kind` says which policy type was missing an allow or held the deny.
 */
export type DenialKind = 'no-identity-allow' | 'no-resource-allow' | 'resource-deny' | 'identity-deny';

const REASONS: Record<DenialKind, (action: string) => string> = {
  'no-identity-allow': (action) => `because no identity-based policy allows the ${action} action`,
  'no-resource-allow': (action) => `because no resource-based policy allows the ${action} action`,
  'resource-deny': () => 'with an explicit deny in a resource-based policy',
  'identity-deny': () => 'with an explicit deny in an identity-based policy',
};

export function accessDeniedMessage(callerArn: string, action: string, resource: string, kind: DenialKind): string {
  return `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} ${REASONS[kind](action)}`;
}
