// Generated from contracts/ by tools/contracts-generate.mjs (openapi-typescript). Do not edit.
export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * Residence permit issued (v1)
         * @description A city registered a residence permit. Addressed to the issuing city and the person's hukou region. The person appears only as subjectRef.
         */
        ResidencePermitIssuedV1: {
            /** @enum {string} */
            basis: "employment" | "housing" | "study";
            hukouRegion: string;
            /** Format: date */
            issuedOn: string;
            /** Format: uuid */
            permitId: string;
            permitNumber: string;
            residenceCity: string;
            /** Format: date */
            residenceSince: string;
            subjectRef: string;
            /** Format: date */
            validUntil: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

/** Event data by CloudEvents type. */
export interface EventDataByType {
  'cn.gov.tongban.residence.permit-issued.v1': components['schemas']['ResidencePermitIssuedV1'];
}
