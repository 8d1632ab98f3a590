import { Global, Module } from '@nestjs/common';
import { AppConfig, ConfigError } from '@tongban/config';
import { parseSubjectKeys } from './subject-keys.config';
import { SubjectRefs } from './subject-refs.service';

function subjectRefsFrom(config: AppConfig): SubjectRefs {
  let keys;
  try {
    keys = parseSubjectKeys(config.subjectKeys);
  } catch (error) {
    throw new ConfigError(`SUBJECT_KEYS: ${(error as Error).message}`);
  }
  const current = config.subjectKeyVersion ?? Math.max(...keys.map((k) => k.version));
  return new SubjectRefs(keys, current);
}

@Global()
@Module({
  providers: [{ provide: SubjectRefs, inject: [AppConfig], useFactory: subjectRefsFrom }],
  exports: [SubjectRefs],
})
export class IdentityModule {}
