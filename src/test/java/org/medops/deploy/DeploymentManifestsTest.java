package org.medops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests (deploy/kubernetes) and the Helm chart (deploy/helm/medops), parsed into the fabric8
 * model — unknown fields (a typo) are caught because the model keeps them aside — and checked for what a hospital's
 * cluster needs: the three roles, probes on the actuator (console) or the gateway's management port, resources,
 * non-root with a read-only root filesystem, a data volume, config and secrets wired, an HPA and PDBs that select
 * the pods they are meant for. The chart is rendered with {@link HelmTemplates}.
 */
class DeploymentManifestsTest {

    static final Path PLAIN = Path.of("deploy/kubernetes");
    static final Path CHART = Path.of("deploy/helm/medops");
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Nested
    class PlainManifests {

        @Test
        void everyFileParsesAndTheSetIsComplete() throws IOException {
            check(load(PLAIN), "medops-");
        }

        @Test
        void theKustomizationListsEveryManifest() throws IOException {
            Map<String, Object> kustomization = new Yaml().load(Files.readString(PLAIN.resolve("kustomization.yaml")));
            try (var files = Files.list(PLAIN)) {
                Set<String> manifests = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).collect(Collectors.toSet());
                assertThat(Set.copyOf(list(kustomization.get("resources")))).isEqualTo(manifests);
            }
        }
    }

    @Nested
    class HelmChart {

        @Test
        void chartAndValuesAreValid() throws IOException {
            Map<String, Object> chart = new Yaml().load(Files.readString(CHART.resolve("Chart.yaml")));
            assertThat(chart).containsEntry("apiVersion", "v2").containsEntry("name", "medops")
                    .containsEntry("type", "application");
            assertThat(String.valueOf(chart.get("version"))).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(values()).containsKeys("image", "database", "redis", "secretKey", "gateway", "console",
                    "integration");
        }

        @Test
        void everyTemplateReferencesOnlyValuesThatExist() throws IOException {
            Map<String, Object> values = values();
            Set<String> references = HelmTemplates.valueReferences(CHART);
            assertThat(references).isNotEmpty();
            for (String path : references) {
                assertThat(HelmTemplates.lookup(values, path)).as(".Values." + path).satisfiesAnyOf(
                        v -> assertThat(v).isNull(), v -> assertThat(v).isNotNull());
            }
        }

        @Test
        void rendersWithAutoscalingAndChartManagedSecret() throws IOException {
            Map<String, Object> values = values();
            values.put("secretKey", "q83vEjRWeJHL5UgOtFmq0ffHL7rtTTJ3h6mqGxhp9WU=");
            List<HasMetadata> objects = render(values, "hospital");
            check(objects, "hospital-medops-");
            assertThat(of(objects, Deployment.class, "hospital-medops-gateway").getSpec().getReplicas())
                    .as("the HPA owns the gateway's replica count").isNull();
        }

        @Test
        void rendersWithFixedReplicasAndAnExistingSecret() throws IOException {
            Map<String, Object> values = values();
            values.put("existingSecret", "medops-secrets");
            @SuppressWarnings("unchecked")
            Map<String, Object> gateway = (Map<String, Object>) values.get("gateway");
            @SuppressWarnings("unchecked")
            Map<String, Object> autoscaling = (Map<String, Object>) gateway.get("autoscaling");
            autoscaling.put("enabled", false);
            List<HasMetadata> objects = render(values, "his");
            assertThat(objects).noneMatch(o -> o instanceof HorizontalPodAutoscaler);
            assertThat(objects).noneMatch(o -> o instanceof Secret);
            Deployment deployment = of(objects, Deployment.class, "his-medops-gateway");
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom())
                    .extracting(e -> e.getSecretRef() == null ? null : e.getSecretRef().getName())
                    .contains("medops-secrets");
        }

        @Test
        void refusesToRenderWithoutASecretKey() {
            assertThatThrownBy(() -> render(values(), "x")).hasMessageContaining("secretKey is required");
        }

        private List<HasMetadata> render(Map<String, Object> values, String release) throws IOException {
            HelmTemplates templates = new HelmTemplates(CHART, values, release);
            StringBuilder all = new StringBuilder();
            try (var files = Files.list(CHART.resolve("templates"))) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".yaml")) {
                        all.append("\n---\n").append(templates.render(Files.readString(file)));
                    }
                }
            }
            return parse(all.toString());
        }

        private Map<String, Object> values() throws IOException {
            return new Yaml().load(Files.readString(CHART.resolve("values.yaml")));
        }
    }

    static List<HasMetadata> load(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                if (file.toString().endsWith(".yaml") && !file.endsWith("kustomization.yaml")) {
                    all.append("\n---\n").append(Files.readString(file));
                }
            }
        }
        return parse(all.toString());
    }

    static List<HasMetadata> parse(String documents) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : documents.split("(?m)^---\\s*$")) {
            boolean empty = document.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"));
            if (!empty) {
                Object parsed = SERIALIZATION.unmarshal(document);
                assertThat(parsed).as(document).isInstanceOf(HasMetadata.class);
                objects.add((HasMetadata) parsed);
            }
        }
        return objects;
    }

    /** What every variant must satisfy; {@code prefix} is how object names begin. */
    static void check(List<HasMetadata> objects, String prefix) {
        for (HasMetadata object : objects) {
            assertThat(object.getMetadata().getName()).startsWith(prefix.substring(0, prefix.length() - 1));
            assertThat(object.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "medops");
        }
        ConfigMap config = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .findFirst().orElseThrow();
        assertThat(config.getData()).containsKeys("MEDOPS_DB_URL", "MEDOPS_DB_USERNAME", "MEDOPS_DATA_DIR");
        assertThat(config.getData().get("MEDOPS_DB_URL")).startsWith("jdbc:postgresql://");
        Set<String> secrets = objects.stream().filter(Secret.class::isInstance).map(Secret.class::cast)
                .peek(s -> assertThat(s.getStringData()).containsKeys("MEDOPS_SECRET_KEY", "MEDOPS_DB_PASSWORD",
                        "MEDOPS_REDIS_URL", "MEDOPS_METRICS_TOKEN"))
                .map(s -> s.getMetadata().getName()).collect(Collectors.toSet());

        Map<String, Deployment> deployments = new HashMap<>();
        for (HasMetadata object : objects) {
            if (object instanceof Deployment d) {
                deployments.put(d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component"), d);
            }
        }
        assertThat(deployments).containsOnlyKeys("console", "gateway", "integration");
        Map<String, String> roles = Map.of("console", "console", "gateway", "gateway", "integration", "integration");
        for (Map.Entry<String, Deployment> entry : deployments.entrySet()) {
            String component = entry.getKey();
            Deployment deployment = entry.getValue();
            assertThat(deployment.getAdditionalProperties()).isEmpty();
            assertThat(deployment.getSpec().getAdditionalProperties()).isEmpty();
            assertThat(deployment.getSpec().getSelector().getMatchLabels().entrySet())
                    .isSubsetOf(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet());
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getAdditionalProperties()).isEmpty();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(component + " non-root").isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getContainers()).hasSize(1);
            Container container = pod.getContainers().get(0);
            assertThat(container.getAdditionalProperties()).as(component + " container fields").isEmpty();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
            assertThat(container.getEnv()).anySatisfy(e -> {
                assertThat(e.getName()).isEqualTo("MEDOPS_ROLES");
                assertThat(e.getValue()).isEqualTo(roles.get(component));
            });
            List<EnvFromSource> from = container.getEnvFrom();
            assertThat(from).anySatisfy(e -> assertThat(e.getConfigMapRef().getName())
                    .isEqualTo(config.getMetadata().getName()));
            String secretName = from.stream().filter(e -> e.getSecretRef() != null)
                    .map(e -> e.getSecretRef().getName()).findFirst().orElseThrow();
            if (!secrets.isEmpty()) {
                assertThat(secrets).contains(secretName);
            }
            Set<String> ports = container.getPorts().stream().map(ContainerPort::getName).collect(Collectors.toSet());
            for (Probe probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
                    container.getStartupProbe())) {
                assertThat(probe).as(component + " probes").isNotNull();
                assertThat(probe.getAdditionalProperties()).isEmpty();
                String port = probe.getHttpGet() != null ? probe.getHttpGet().getPort().getStrVal()
                        : probe.getTcpSocket().getPort().getStrVal();
                assertThat(ports).as(component + " probe port is a named container port").contains(port);
            }
            Set<String> volumes = pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
            assertThat(container.getVolumeMounts()).extracting(VolumeMount::getName).allMatch(volumes::contains);
            assertThat(container.getVolumeMounts()).extracting(VolumeMount::getMountPath)
                    .contains("/var/lib/medops", "/tmp");
        }
        Container console = deployments.get("console").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(console.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(console.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(deployments.get("console").getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getPersistentVolumeClaim()).isNotNull());
        Container gateway = deployments.get("gateway").getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(gateway.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/liveness");
        assertThat(gateway.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/readiness");
        assertThat(gateway.getPorts()).extracting(ContainerPort::getContainerPort).contains(9080, 9081);

        List<HorizontalPodAutoscaler> hpas = objects.stream().filter(HorizontalPodAutoscaler.class::isInstance)
                .map(HorizontalPodAutoscaler.class::cast).toList();
        for (HorizontalPodAutoscaler hpa : hpas) {
            assertThat(hpa.getSpec().getScaleTargetRef().getName())
                    .isEqualTo(deployments.get("gateway").getMetadata().getName());
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        }
        Map<String, PodDisruptionBudget> budgets = objects.stream().filter(PodDisruptionBudget.class::isInstance)
                .map(PodDisruptionBudget.class::cast).collect(Collectors.toMap(
                        p -> p.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/component"), p -> p));
        assertThat(budgets).containsKeys("gateway", "integration");
        budgets.forEach((component, budget) -> assertThat(budget.getSpec().getSelector().getMatchLabels().entrySet())
                .isSubsetOf(deployments.get(component).getSpec().getTemplate().getMetadata().getLabels().entrySet()));
        for (HasMetadata object : objects) {
            if (object instanceof Service service) {
                String component = service.getSpec().getSelector().get("app.kubernetes.io/component");
                Deployment target = deployments.get(component);
                assertThat(target).as("service " + service.getMetadata().getName() + " selects a deployment").isNotNull();
                assertThat(service.getSpec().getSelector().entrySet())
                        .isSubsetOf(target.getSpec().getTemplate().getMetadata().getLabels().entrySet());
                Set<String> ports = target.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
                        .map(ContainerPort::getName).collect(Collectors.toSet());
                service.getSpec().getPorts().forEach(p -> assertThat(ports).contains(p.getTargetPort().getStrVal()));
            }
        }
    }

    @Test
    void theProbeGroupsAreEnabledInTheApplication() throws IOException {
        Map<String, Object> application = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yml")));
        assertThat(HelmTemplates.lookup(application, "management.endpoint.health.probes.enabled")).isEqualTo(true);
    }

    static <T extends HasMetadata> T of(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object value) {
        return (List<String>) value;
    }
}
