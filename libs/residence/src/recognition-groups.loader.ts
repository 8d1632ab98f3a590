import { ValidateFunction } from 'ajv/dist/2020';
import { DomainError, ErrorCode } from '@tongban/errors';
import { isRegionCode, regionKind } from '@tongban/regions';
import recognitionGroupsSchema from '../data/recognition-groups.schema.json';
import recognitionGroupsV1 from '../data/recognition-groups.v1.json';
import { maxDate } from './residence.dates';
import { assertSchema, compileSchema } from './residence.schema-validation';

export interface RecognitionMember {
  readonly code: string;
  readonly nameZh: string;
  readonly joinedOn: string;
}

export interface RecognitionGroup {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly rule: string;
  readonly members: readonly RecognitionMember[];
}

interface RecognitionGroupsDocument {
  version: number;
  illustrativeDates: boolean;
  description?: string;
  groups: RecognitionGroup[];
}

let validate: ValidateFunction<RecognitionGroupsDocument> | undefined;

/** Mutual recognition groups (居住证互通互认, seed 000 clause 十一) as versioned data. */
export class RecognitionGroups {
  readonly version: number;
  readonly illustrativeDates: boolean;
  readonly groups: readonly RecognitionGroup[];

  constructor(doc: RecognitionGroupsDocument) {
    this.version = doc.version;
    this.illustrativeDates = doc.illustrativeDates;
    this.groups = Object.freeze(
      doc.groups.map((g) => Object.freeze({ ...g, members: Object.freeze(g.members.map((m) => Object.freeze({ ...m }))) })),
    );
  }

  get(id: string): RecognitionGroup | undefined {
    return this.groups.find((g) => g.id === id);
  }

  groupsOf(city: string): RecognitionGroup[] {
    return this.groups.filter((g) => g.members.some((m) => m.code === city));
  }

  joinedOn(group: RecognitionGroup, city: string): string | undefined {
    return group.members.find((m) => m.code === city)?.joinedOn;
  }

  /** From when years held in `source` count in `target` within `group`: the later joining date; undefined when either is not a member. */
  recognisedSince(group: RecognitionGroup, source: string, target: string): string | undefined {
    const a = this.joinedOn(group, source);
    const b = this.joinedOn(group, target);
    return a === undefined || b === undefined ? undefined : maxDate(a, b);
  }
}

/** Validates an untrusted recognition-groups document: shape, current city-level GB/T 2260 codes, no duplicate group or member. */
export function parseRecognitionGroups(document: unknown, source = 'recognition-groups'): RecognitionGroups {
  validate ??= compileSchema<RecognitionGroupsDocument>(recognitionGroupsSchema);
  assertSchema(validate, document, source);
  const ids = new Set<string>();
  document.groups.forEach((g, i) => {
    if (ids.has(g.id))
      throw new DomainError(ErrorCode.ValidationFailed, `${source} /groups/${i}: group id '${g.id}' is given twice`, {
        source,
        pointer: `/groups/${i}/id`,
      });
    ids.add(g.id);
    const codes = new Set<string>();
    g.members.forEach((m, j) => {
      const pointer = `/groups/${i}/members/${j}/code`;
      if (!isRegionCode(m.code) || regionKind(m.code) !== 'city') {
        throw new DomainError(ErrorCode.InvalidRegionCode, `${source} ${pointer}: '${m.code}' is not a current GB/T 2260 city-level code`, {
          source,
          pointer,
        });
      }
      if (codes.has(m.code))
        throw new DomainError(ErrorCode.ValidationFailed, `${source} ${pointer}: city ${m.code} is listed twice in ${g.id}`, {
          source,
          pointer,
        });
      codes.add(m.code);
    });
  });
  return new RecognitionGroups(document);
}

let bundled: RecognitionGroups | undefined;

/** The bundled groups (data/recognition-groups.v1.json), validated once. */
export function loadRecognitionGroups(): RecognitionGroups {
  bundled ??= parseRecognitionGroups(recognitionGroupsV1, 'recognition-groups.v1.json');
  return bundled;
}
