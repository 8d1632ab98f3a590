// Generated from contracts/ by tools/contracts-generate.mjs (openapi-typescript). Do not edit.
export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process answers */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL and Kafka are reachable */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dead letters of every consumer group */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/dead-letters/{deadLetterId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put one dead letter back on its original topic */
        post: operations["replayDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ops/dead-letters/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replay every open dead letter (optionally of one consumer group) */
        post: operations["replayAllDeadLetters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residence-permits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a residence permit issued by the calling city
         * @description Only the city of residence registers its permits (the caller's region must equal
         *     `residenceCity`). A permit needs six months' residence before issue. A person holds at most
         *     one active permit: an active permit of another city must be cancelled first.
         */
        post: operations["issueResidencePermit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/residence-permits/{permitId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A permit, to its issuing city and the person's hukou region */
        get: operations["getResidencePermit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description 18-character citizen ID number (GB 11643); validated for region, birth date and check character; never echoed. */
        CitizenId: string;
        DeadLetter: {
            attempts: number;
            consumer: string;
            /** Format: date-time */
            createdAt: string;
            errorCode: string;
            errorDetail: string;
            eventId: string | null;
            eventType: string | null;
            id: string;
            offset: string;
            partition: number;
            /** Format: date-time */
            replayedAt: string | null;
            topic: string;
        };
        DeadLetterPage: {
            items: components["schemas"]["DeadLetter"][];
            /** @description pass as `after` for the next page */
            next: string | null;
        };
        FieldError: {
            /** @description JSON pointer prefixed by the request part: /body/…, /query/…, /path/…, /header/… */
            field: string;
            message: string;
        };
        Health: {
            /** @enum {string} */
            status: "up";
        };
        /**
         * Format: date
         * @example 2026-03-01
         */
        IsoDate: string;
        IssuePermitRequest: {
            /**
             * @description stable employment, stable housing or continuous study
             * @enum {string}
             */
            basis: "employment" | "housing" | "study";
            citizenId: components["schemas"]["CitizenId"];
            hukouRegion: components["schemas"]["RegionCode"];
            issuedOn: components["schemas"]["IsoDate"];
            permitNumber: string;
            residenceCity: components["schemas"]["RegionCode"];
            residenceSince: components["schemas"]["IsoDate"];
            validUntil: components["schemas"]["IsoDate"];
        };
        Permit: {
            /** @enum {string} */
            basis: "employment" | "housing" | "study";
            hukouRegion: components["schemas"]["RegionCode"];
            issuedOn: components["schemas"]["IsoDate"];
            /** Format: uuid */
            permitId: string;
            permitNumber: string;
            residenceCity: components["schemas"]["RegionCode"];
            residenceSince: components["schemas"]["IsoDate"];
            /** @enum {string} */
            status: "active" | "cancelled";
            subjectRef: components["schemas"]["SubjectRef"];
            validUntil: components["schemas"]["IsoDate"];
        };
        /** @description RFC 9457 problem details; `type` is stable per error code. */
        Problem: {
            code: string;
            detail: string;
            errors?: components["schemas"]["FieldError"][];
            instance?: string;
            requestId?: string;
            status: number;
            title: string;
            /** Format: uri */
            type: string;
        } & {
            [key: string]: unknown;
        };
        Readiness: {
            checks: {
                [key: string]: "up" | "down";
            };
            /** @enum {string} */
            status: "up" | "down";
        };
        /**
         * @description GB/T 2260 administrative region code (province xx0000, city xxxx00)
         * @example 440100
         */
        RegionCode: string;
        ReplayAllRequest: {
            consumer?: string;
        };
        ReplayAllResult: {
            replayed: number;
        };
        /** @description Pseudonymous reference of a person (keyed HMAC of the citizen ID number, key version embedded) */
        SubjectRef: string;
    };
    responses: {
        /** @description RFC 9457 problem details */
        Problem: {
            headers: {
                "X-Request-Id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Same key and body from the same credential replays the stored response; a different body is refused (422). */
        IdempotencyKey: string;
        /** @description Caller's correlation id, echoed back and written to every log line of the request. */
        XRequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The request id (the caller's X-Request-Id when well formed, else generated) */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description alive */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            422: components["responses"]["Problem"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ready */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            422: components["responses"]["Problem"];
            /** @description a dependency is unreachable */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query?: {
                /** @description id of the last item of the previous page */
                after?: string;
                consumer?: string;
                limit?: number;
                state?: "open" | "replayed" | "all";
            };
            header?: {
                /** @description Caller's correlation id, echoed back and written to every log line of the request. */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of dead letters */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterPage"];
                };
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    replayDeadLetter: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body from the same credential replays the stored response; a different body is refused (422). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Caller's correlation id, echoed back and written to every log line of the request. */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                deadLetterId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description replayed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetter"];
                };
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    replayAllDeadLetters: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body from the same credential replays the stored response; a different body is refused (422). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Caller's correlation id, echoed back and written to every log line of the request. */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReplayAllRequest"];
            };
        };
        responses: {
            /** @description replayed */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayAllResult"];
                };
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    issueResidencePermit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body from the same credential replays the stored response; a different body is refused (422). */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Caller's correlation id, echoed back and written to every log line of the request. */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssuePermitRequest"];
            };
        };
        responses: {
            /** @description registered */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permit"];
                };
            };
            400: components["responses"]["Problem"];
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            409: components["responses"]["Problem"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
    getResidencePermit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Caller's correlation id, echoed back and written to every log line of the request. */
                "X-Request-Id"?: components["parameters"]["XRequestId"];
            };
            path: {
                permitId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the permit */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["XRequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permit"];
                };
            };
            401: components["responses"]["Problem"];
            403: components["responses"]["Problem"];
            404: components["responses"]["Problem"];
            422: components["responses"]["Problem"];
        };
    };
}
