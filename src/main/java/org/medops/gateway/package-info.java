/**
 * The data plane of the external connection platform (网关服务): a Vert.x server on port 9080 that
 * authenticates signed channel calls, checks grants, limits rates, guards each upstream with a
 * circuit breaker and fallback (熔断), proxies to hospital systems and logs every call. It serves
 * from the catalog's configuration, reloaded live on every change and cached on local disk.
 */
package org.medops.gateway;
