package org.medops.inspection.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A Kubernetes cluster (fabric8 client, token or kubeconfig): every node Ready, every deployment at its replica
 * count, no pod crash-looping; namespaces as the target lists them, else all.
 */
@Component
class ClusterChecks {

    private final Duration connectTimeout;

    ClusterChecks(@Value("${medops.inspection.connect-timeout:5s}") Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    CheckResult run(Endpoint endpoint, CheckCode check, CheckSetting setting, Duration limit) {
        try (KubernetesClient client = client(endpoint, limit)) {
            return switch (check) {
                case K8S_NODES -> nodes(client, setting);
                case K8S_DEPLOYMENTS -> deployments(client, setting);
                case K8S_PODS -> pods(client, setting);
                default -> throw new IllegalArgumentException(check + " is not a cluster check");
            };
        }
    }

    String test(Endpoint endpoint, Duration limit) {
        try (KubernetesClient client = client(endpoint, limit)) {
            return "kubernetes " + client.getKubernetesVersion().getGitVersion() + " at " + client.getMasterUrl();
        }
    }

    private KubernetesClient client(Endpoint endpoint, Duration limit) {
        String kubeconfig = endpoint.secretOf("kubeconfig");
        Config base = kubeconfig != null ? Config.fromKubeconfig(kubeconfig) : Config.empty();
        ConfigBuilder builder = new ConfigBuilder(base)
                .withConnectionTimeout((int) connectTimeout.toMillis())
                .withRequestTimeout((int) limit.toMillis())
                .withRequestRetryBackoffLimit(0);
        if (kubeconfig == null) {
            builder.withMasterUrl(endpoint.url()).withOauthToken(endpoint.secretOf("token"));
        }
        return new KubernetesClientBuilder().withConfig(builder.build()).build();
    }

    private static CheckResult nodes(KubernetesClient client, CheckSetting setting) {
        List<Node> nodes = client.nodes().list().getItems();
        List<String> notReady = new ArrayList<>();
        StringBuilder evidence = new StringBuilder("$ kubectl get nodes\n");
        for (Node node : nodes) {
            boolean ready = node.getStatus() != null && node.getStatus().getConditions() != null
                    && node.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            evidence.append(node.getMetadata().getName()).append("  ").append(ready ? "Ready" : "NotReady").append('\n');
            if (!ready) {
                notReady.add(node.getMetadata().getName());
            }
        }
        CheckCode.Limit limit = setting.limit(CheckCode.K8S_NODES);
        Outcome outcome = nodes.isEmpty() ? Outcome.FAIL : limit.grade(notReady.size());
        return new CheckResult(CheckCode.K8S_NODES, outcome, (nodes.size() - notReady.size()) + "/" + nodes.size()
                + (notReady.isEmpty() ? "" : " " + String.join(", ", notReady)), limit.text(), evidence.toString());
    }

    private static CheckResult deployments(KubernetesClient client, CheckSetting setting) {
        List<Deployment> deployments = new ArrayList<>();
        if (setting.namespaces().isEmpty()) {
            deployments.addAll(client.apps().deployments().inAnyNamespace().list().getItems());
        } else {
            for (String ns : setting.namespaces()) {
                deployments.addAll(client.apps().deployments().inNamespace(ns).list().getItems());
            }
        }
        List<String> short_ = new ArrayList<>();
        StringBuilder evidence = new StringBuilder("$ kubectl get deployments\n");
        for (Deployment d : deployments) {
            int wanted = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0
                    : d.getStatus().getReadyReplicas();
            String name = d.getMetadata().getNamespace() + "/" + d.getMetadata().getName();
            evidence.append(name).append("  ").append(ready).append('/').append(wanted).append('\n');
            if (ready < wanted) {
                short_.add(name + " " + ready + "/" + wanted);
            }
        }
        CheckCode.Limit limit = setting.limit(CheckCode.K8S_DEPLOYMENTS);
        return new CheckResult(CheckCode.K8S_DEPLOYMENTS, limit.grade(short_.size()),
                (deployments.size() - short_.size()) + "/" + deployments.size()
                        + (short_.isEmpty() ? "" : " " + String.join(", ", short_)), limit.text(), evidence.toString());
    }

    private static CheckResult pods(KubernetesClient client, CheckSetting setting) {
        List<Pod> pods = new ArrayList<>();
        if (setting.namespaces().isEmpty()) {
            pods.addAll(client.pods().inAnyNamespace().list().getItems());
        } else {
            for (String ns : setting.namespaces()) {
                pods.addAll(client.pods().inNamespace(ns).list().getItems());
            }
        }
        List<String> looping = new ArrayList<>();
        StringBuilder evidence = new StringBuilder("$ kubectl get pods\n");
        for (Pod pod : pods) {
            String name = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
            int restarts = 0;
            String reason = null;
            List<ContainerStatus> statuses = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                    ? List.of() : pod.getStatus().getContainerStatuses();
            for (ContainerStatus status : statuses) {
                restarts += status.getRestartCount() == null ? 0 : status.getRestartCount();
                if (status.getState() != null && status.getState().getWaiting() != null
                        && "CrashLoopBackOff".equals(status.getState().getWaiting().getReason())) {
                    reason = "CrashLoopBackOff";
                }
            }
            String phase = pod.getStatus() == null ? "?" : pod.getStatus().getPhase();
            evidence.append(name).append("  ").append(reason != null ? reason : phase).append("  restarts=")
                    .append(restarts).append('\n');
            if (reason != null) {
                looping.add(name);
            }
        }
        CheckCode.Limit limit = setting.limit(CheckCode.K8S_PODS);
        return new CheckResult(CheckCode.K8S_PODS, limit.grade(looping.size()), looping.size() + " crash-looping / "
                + pods.size() + (looping.isEmpty() ? "" : " " + String.join(", ", looping)), limit.text(),
                evidence.toString());
    }
}
