import { pointerOf } from '../stack-reading/json-lines';
import { definePolicyRule, ruleIdFromFile } from '../rule';

/** Backends that lock state on their own. */
const LOCKING_BACKENDS = new Set(['gcs', 'azurerm', 'remote', 'pg', 'kubernetes', 'cos']);

export default definePolicyRule({
  id: ruleIdFromFile(__filename),
  level: 'error',
  scope: 'stack',
  description: 'Stacks outside development keep state in a remote backend with locking.',
  explanation:
    'Local state lives on one laptop or CI runner and is lost or overwritten; a backend without locking lets two ' +
    'applies race and corrupt state. Outside development environments (`developmentEnvironments`, default dev, ' +
    'development, local, sandbox), use a remote backend that locks: s3 with `use_lockfile = true` or ' +
    '`dynamodb_table`, gcs, azurerm, remote, HCP Terraform (`cloud`), pg, kubernetes, cos, consul (unless ' +
    '`lock = false`), http with `lock_address`, oss with `tablestore_table`.',
  check: ({ stack, terraform }, context) => {
    if (context.isDevelopment(stack.environment)) return undefined;
    if (terraform.cloud) return undefined;
    const backend = terraform.backend;
    const where = `stack "${stack.name}" (environment "${stack.environment}")`;
    if (!backend || backend.type === 'local') {
      return { pointer: '/terraform', message: `${where} keeps its state in a local file; configure a remote backend with locking` };
    }
    const config = backend.config;
    const pointer = pointerOf('terraform', 'backend', backend.type);
    if (LOCKING_BACKENDS.has(backend.type)) return undefined;
    if (backend.type === 's3') {
      if (config.use_lockfile === true || config.use_lockfile === 'true' || typeof config.dynamodb_table === 'string') return undefined;
      return { pointer, message: `${where} uses the s3 backend without locking; set use_lockfile = true (Terraform >= 1.10) or dynamodb_table` };
    }
    if (backend.type === 'consul') {
      return config.lock === false || config.lock === 'false' ? { pointer, message: `${where} turns off locking of the consul backend (lock = false)` } : undefined;
    }
    if (backend.type === 'http') {
      return typeof config.lock_address === 'string' ? undefined : { pointer, message: `${where} uses the http backend without lock_address, so state is not locked` };
    }
    if (backend.type === 'oss') {
      return typeof config.tablestore_table === 'string' ? undefined : { pointer, message: `${where} uses the oss backend without tablestore_table, so state is not locked` };
    }
    return { pointer, uncertain: true, message: `${where} uses the "${backend.type}" backend, which this check does not know; make sure it locks state` };
  },
});
