import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Admin, ResourcePatternTypes } from 'kafkajs';
import { deliveryTopic } from './messaging.topics';

type AclEntry = Parameters<Admin['createAcls']>[0]['acl'][number];

const allow = (
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  patternType: ResourcePatternTypes,
  operation: AclOperationTypes,
): AclEntry => ({
  principal: `User:${principal}`,
  host: '*',
  resourceType,
  resourceName,
  resourcePatternType: patternType,
  operation,
  permissionType: AclPermissionTypes.ALLOW,
});

/** Kafka user names: one per app, one per province's agencies. */
export const appUser = (app: string): string => `app-${app}`;
export const agencyUser = (province: string): string => `agency-${province}`;

/**
 * The ACLs of a secured cluster (deny by default): apps own every `tongban.` topic, group and
 * transactional id (the relays') of their namespace and may write idempotently; a province's agencies may only read that province's
 * delivery topic, with consumer groups named `agency-<province>…`, and write nothing.
 */
export function tongbanAcls(namespace: string, apps: readonly string[], provinces: readonly string[]): AclEntry[] {
  const entries: AclEntry[] = [];
  for (const app of apps) {
    const user = appUser(app);
    entries.push(
      allow(user, AclResourceTypes.TOPIC, `${namespace}tongban.`, ResourcePatternTypes.PREFIXED, AclOperationTypes.ALL),
      allow(user, AclResourceTypes.GROUP, `${namespace}tongban.`, ResourcePatternTypes.PREFIXED, AclOperationTypes.ALL),
      allow(user, AclResourceTypes.TRANSACTIONAL_ID, `${namespace}tongban.`, ResourcePatternTypes.PREFIXED, AclOperationTypes.ALL),
      allow(user, AclResourceTypes.CLUSTER, 'kafka-cluster', ResourcePatternTypes.LITERAL, AclOperationTypes.IDEMPOTENT_WRITE),
    );
  }
  for (const province of provinces) {
    const user = agencyUser(province);
    const topic = namespace + deliveryTopic(province);
    entries.push(
      allow(user, AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.READ),
      allow(user, AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.DESCRIBE),
      allow(user, AclResourceTypes.GROUP, `${namespace}${user}`, ResourcePatternTypes.PREFIXED, AclOperationTypes.READ),
    );
  }
  return entries;
}

export async function applyAcls(admin: Admin, entries: AclEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) await admin.createAcls({ acl: entries.slice(i, i + 200) });
}
