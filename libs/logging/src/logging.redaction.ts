/**
 * Personal data must never reach a log line. Logs carry the pseudonymous subjectRef instead; these
 * paths are a second line of defence for anything that slips into a logged object anyway.
 */
const SENSITIVE_KEYS = ['citizenId', 'idNumber', 'citizenIdNumber', 'fullName', 'personName', 'phone', 'address'];

export const REDACT_PATHS: string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.body',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `body.${k}`, `data.${k}`]),
  // a person's name under a payload; a bare `name` elsewhere is usually an error's or a service's
  'body.name',
  'data.name',
  '*.body.name',
  '*.data.name',
];

/** 17 digits + check character, anywhere in a string: used to scrub free text such as error messages. */
const CITIZEN_ID_PATTERN = /\b\d{17}[\dXx]\b/g;

export function scrubCitizenIds(text: string): string {
  return text.replace(CITIZEN_ID_PATTERN, '[citizen-id]');
}
