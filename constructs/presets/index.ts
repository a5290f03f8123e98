/** Presets: the alerts every team writes, each a thin layer over `AlertRule`. */
export type { PresetProps, TierOverrides } from './preset-props';
export { SPAN_METRICS, SPAN_KINDS, type SpanKind, type ErrorDefinition } from './span-metrics';
export { K8S } from './kubernetes';
export { HostCpuAlert, hostCpuAlertProps, type HostCpuAlertProps } from './host-cpu-alert';
export { HostMemoryAlert, hostMemoryAlertProps, type HostMemoryAlertProps } from './host-memory-alert';
export { DiskFillingUpAlert, diskFillingUpAlertProps, PSEUDO_FILESYSTEM_TYPES, type DiskFillingUpAlertProps } from './disk-filling-up-alert';
export { ServiceErrorRateAlert, serviceErrorRateAlertProps, type ServiceErrorRateAlertProps } from './service-error-rate-alert';
export { ServiceLatencyAlert, serviceLatencyAlertProps, type ServiceLatencyAlertProps, type LatencyPercentile } from './service-latency-alert';
export { LogErrorSpikeAlert, logErrorSpikeAlertProps, LOG_SEVERITY_NUMBERS, type LogErrorSpikeAlertProps } from './log-error-spike-alert';
export { ServiceNoDataAlert, serviceNoDataAlertProps, type ServiceNoDataAlertProps } from './service-no-data-alert';
export { PodRestartsAlert, podRestartsAlertProps, type PodRestartsAlertProps } from './pod-restarts-alert';
export { OomKilledAlert, oomKilledAlertProps, type OomKilledAlertProps } from './oom-killed-alert';
