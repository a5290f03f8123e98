/**
 * One alert estate, many environments: the definition runs once per environment, each time with
 * that environment's settings applied to every alert (labels, channel swaps, disabled alerts,
 * overrides).
 *
 * Large estates can be split into several Terraform states: with `sharding`, each alert goes to
 * the stack of its shard key (its team or service label, or a key you compute), so adding or
 * removing one alert never moves another between states; channels and route policies live in a
 * shared stack that the shards depend on; maintenance windows that name alerts get a stack of
 * their own (they reference alerts across states, so they cannot sit in the shared stack the
 * shards depend on).
 */
import { AlertRule } from '../alerts/alert-rule';
import type { AlertRuleProps } from '../alerts/alert-rule-props';
import { Annotations, Construct, TerraformResource, type App } from '../engine';
import { AlertStack, type AlertStackProps } from '../stacks/alert-stack';
import { PropsError } from '../model/props-error';
import type { EnvironmentSettings } from '../stacks/environment-settings';

/** One environment of the estate: its name, state backend, Terraform version and alert changes. */
export type EstateEnvironment = EnvironmentSettings;

/** Where an alert goes when the estate is sharded. */
export interface AlertPlacement {
  readonly id: string;
  readonly props: AlertRuleProps;
}

export interface ShardingOptions {
  /** The stable key of an alert's shard: its `team` or `service` label, or a function of the alert. */
  readonly by: 'team' | 'service' | ((alert: AlertPlacement) => string);
  /** Resources one shard may hold before it is reported. @default 200 */
  readonly maxResourcesPerStack?: number;
  /** Whether an oversized shard fails synth or only warns. @default 'error' */
  readonly onOversize?: 'error' | 'warning';
}

export interface AlertEstateProps {
  /** Prefix of every stack name, e.g. `shop` gives `shop-prod`. @default - no prefix */
  readonly name?: string;
  readonly environments: readonly EstateEnvironment[];
  /** Split each environment's alerts into several stacks. @default - one stack per environment */
  readonly sharding?: ShardingOptions;
  /** The checks every stack runs at synth (see `AlertStackProps.checks`). @default true - every default check */
  readonly checks?: AlertStackProps['checks'];
}

/** What the estate definition gets for one environment. */
export interface EstateScope {
  readonly environment: EstateEnvironment;
  /** Scope for channels, route policies and estate-wide maintenance windows. */
  readonly shared: Construct;
  /** Scope for maintenance windows that name specific alerts. */
  readonly maintenance: Construct;
  /** Adds an alert rule (to its shard's stack when the estate is sharded). */
  alert(id: string, props: AlertRuleProps): AlertRule;
}

export const DEFAULT_MAX_RESOURCES_PER_STACK = 200;

/** A folder in the construct tree that groups the alerts of one service or team. */
class Group extends Construct {}

const KEY = /^[a-z0-9][a-z0-9-]*$/;

class EnvironmentScope implements EstateScope {
  readonly shared: Construct;
  private maintenanceStack?: AlertStack;
  private readonly shards = new Map<string, AlertStack>();
  private readonly ids = new Set<string>();

  constructor(
    private readonly app: App,
    private readonly estate: AlertEstateProps,
    readonly environment: EstateEnvironment,
  ) {
    this.shared = this.newStack(this.estate.sharding ? 'shared' : undefined);
  }

  get maintenance(): Construct {
    if (!this.estate.sharding) return this.shared;
    this.maintenanceStack ??= this.newStack('maintenance');
    return this.maintenanceStack;
  }

  /** Every stack of this environment, in creation order. */
  get stacks(): AlertStack[] {
    return [this.shared as AlertStack, ...this.shards.values(), ...(this.maintenanceStack ? [this.maintenanceStack] : [])];
  }

  alert(id: string, props: AlertRuleProps): AlertRule {
    if (this.ids.has(id)) throw this.error(id, 'the id is used twice; alert ids must be unique in the estate');
    this.ids.add(id);
    const sharding = this.estate.sharding;
    if (!sharding) return EnvironmentScope.place(this.shared, id, props);
    const key = this.shardKey(sharding, { id, props });
    let stack = this.shards.get(key);
    if (!stack) {
      stack = this.newStack(`alerts-${key}`);
      this.watchSize(stack, sharding);
      this.shards.set(key, stack);
    }
    stack.addDependency(this.shared as AlertStack);
    return EnvironmentScope.place(stack, id, props);
  }

  /** An id such as `checkout/cpu` becomes the construct path `checkout/cpu` below the stack. */
  private static place(stack: Construct, id: string, props: AlertRuleProps): AlertRule {
    const parts = id.split('/');
    if (parts.some((p) => p === '')) {
      throw new PropsError('AlertEstate environment', stack.node.path, [
        { field: `alert(${JSON.stringify(id)})`, message: 'the id has an empty path segment; give segments joined by "/", such as checkout/cpu' },
      ]);
    }
    let scope: Construct = stack;
    for (const part of parts.slice(0, -1)) {
      scope = (scope.node.tryFindChild(part) as Construct | undefined) ?? new Group(scope, part);
    }
    return new AlertRule(scope, parts[parts.length - 1]!, props);
  }

  private shardKey(sharding: ShardingOptions, placement: AlertPlacement): string {
    const by = sharding.by;
    const key = typeof by === 'function' ? by(placement) : placement.props.labels?.[by];
    if (key === undefined || key === '') {
      throw this.error(
        placement.id,
        `has no ${typeof by === 'function' ? 'shard key' : `"${by}" label`}; sharding by ${typeof by === 'function' ? 'a key function' : by} needs one on every alert`,
      );
    }
    if (!KEY.test(key)) {
      throw this.error(placement.id, `shard key "${key}" must be lowercase letters, digits and dashes (it names a stack)`);
    }
    return key;
  }

  /** A mistake in the alert `id` of this environment, reported at the environment's shared stack. */
  private error(id: string, message: string): PropsError {
    return new PropsError('AlertEstate environment', (this.shared as AlertStack).node.path, [{ field: `alert(${JSON.stringify(id)})`, message }]);
  }

  private watchSize(stack: AlertStack, sharding: ShardingOptions): void {
    const limit = sharding.maxResourcesPerStack ?? DEFAULT_MAX_RESOURCES_PER_STACK;
    stack.node.addValidation({
      validate: () => {
        const count = stack.node.findAll().filter((c) => c instanceof TerraformResource).length;
        if (count <= limit) return [];
        const message = `stack ${stack.node.id} holds ${count} resources, above the limit of ${limit} per state: shard by a finer key (e.g. service instead of team) or raise sharding.maxResourcesPerStack`;
        if (sharding.onOversize === 'warning') {
          Annotations.of(stack).addWarning(message);
          return [];
        }
        return [message];
      },
    });
  }

  private newStack(suffix: string | undefined): AlertStack {
    const name = [this.estate.name, this.environment.name, suffix].filter(Boolean).join('-');
    // Every stack of the environment gets the same settings object, so override keys are checked across all of them.
    return new AlertStack(this.app, name, { environment: this.environment, ...(this.estate.checks !== undefined ? { checks: this.estate.checks } : {}) });
  }
}

/** Builds one stack (or one set of sharded stacks) per environment from a single definition. */
export class AlertEstate {
  /** The stacks of each environment, keyed by environment name. */
  readonly stacks: ReadonlyMap<string, readonly AlertStack[]>;

  constructor(app: App, props: AlertEstateProps, define: (scope: EstateScope) => void) {
    if (props.environments.length === 0) throw new PropsError('AlertEstate', app.node.path, [{ field: 'environments', message: 'needs at least one environment' }]);
    const names = props.environments.map((e) => e.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate)
      throw new PropsError('AlertEstate', app.node.path, [{ field: 'environments', message: `environment "${duplicate}" is declared twice; environment names must be unique` }]);
    const stacks = new Map<string, readonly AlertStack[]>();
    for (const environment of props.environments) {
      const scope = new EnvironmentScope(app, props, environment);
      define(scope);
      stacks.set(environment.name, scope.stacks);
    }
    this.stacks = stacks;
  }
}
