/**
 * What a rule can ask beyond its subject: the pack's options, the date suppressions expire
 * against, and indexes built once per run (channels and route policies per environment, the routing
 * of each alert), so every rule stays linear in the size of the estate.
 */
import { analyseRouting, ChannelDirectory, type AlertRouting, type ChannelVerdict } from './stack-reading/alert-routing';
import type { ResolvedPolicyOptions } from './options';
import type { AlertSubject, EnvironmentSubject } from './subjects';

export interface PolicyContext {
  readonly options: ResolvedPolicyOptions;
  /** The date of the run (`YYYY-MM-DD`). */
  readonly today: string;
  /** Every environment of the estate, by name. */
  readonly environments: ReadonlyMap<string, EnvironmentSubject>;
  /** How the alert's notifications are routed, tier by tier (computed once per alert). */
  routing(alert: AlertSubject): AlertRouting;
  /** How a channel name of an environment is judged (kind, paging or not). */
  channel(environment: string, name: string): ChannelVerdict;
  /** Whether the environment manages a channel of this name or imports it by name. */
  channelDeclared(environment: string, name: string): boolean;
  isProduction(environment: string): boolean;
  isDevelopment(environment: string): boolean;
}

export function createPolicyContext(options: ResolvedPolicyOptions, today: string, environments: ReadonlyMap<string, EnvironmentSubject>): PolicyContext {
  const directories = new Map<string, ChannelDirectory>();
  const directoryOf = (environment: string): ChannelDirectory => {
    let directory = directories.get(environment);
    if (!directory) {
      directory = new ChannelDirectory(environments.get(environment)?.channels ?? [], options);
      directories.set(environment, directory);
    }
    return directory;
  };
  const routings = new WeakMap<AlertSubject, AlertRouting>();
  return {
    options,
    today,
    environments,
    routing(alert) {
      let routing = routings.get(alert);
      if (!routing) {
        routing = analyseRouting(alert, directoryOf(alert.environment), environments.get(alert.environment)?.routePolicies ?? []);
        routings.set(alert, routing);
      }
      return routing;
    },
    channel: (environment, name) => directoryOf(environment).judge(name),
    channelDeclared: (environment, name) => directoryOf(environment).has(name),
    isProduction: (environment) => options.productionEnvironments.includes(environment),
    isDevelopment: (environment) => options.developmentEnvironments.includes(environment),
  };
}
