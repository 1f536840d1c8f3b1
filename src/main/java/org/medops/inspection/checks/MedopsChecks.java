package org.medops.inspection.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.medops.gateway.GatewayNodes;
import org.medops.integration.IntegrationHealth;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * MedOps inspecting itself: its gateway nodes' heartbeats, the integration engine's destination queues, and the
 * backup directory the backups of its own database are written to ({@code medops-YYYYMMDD-HHmmss.*}). Its
 * database is checked like any PostgreSQL target, through its own pool.
 */
@Component
class MedopsChecks {

    private final ObjectProvider<GatewayNodes> nodes;
    private final ObjectProvider<IntegrationHealth> integration;
    private final Path backups;
    private final Clock clock;

    MedopsChecks(ObjectProvider<GatewayNodes> nodes, ObjectProvider<IntegrationHealth> integration,
                 @Value("${medops.inspection.backups.directory:${medops.db.data-dir:./data}/backups}") Path backups,
                 Clock clock) {
        this.nodes = nodes;
        this.integration = integration;
        this.backups = backups;
        this.clock = clock;
    }

    Path backupDirectory() {
        return backups;
    }

    CheckResult gatewayNodes(CheckSetting setting) {
        GatewayNodes gateway = nodes.getIfAvailable();
        CheckCode.Limit limit = setting.limit(CheckCode.GATEWAY_NODES);
        if (gateway == null) {
            return CheckResult.error(CheckCode.GATEWAY_NODES, "the gateway is not part of this process", null);
        }
        List<GatewayNodes.NodeStatus> all = gateway.all();
        StringBuilder evidence = new StringBuilder("> gateway_nodes\n");
        long silent = 0;
        for (GatewayNodes.NodeStatus node : all) {
            evidence.append(node.nodeId()).append("  heartbeat ").append(node.heartbeatAt()).append("  config v")
                    .append(node.configVersion()).append(node.alive() ? "" : "  SILENT").append('\n');
            silent += node.alive() ? 0 : 1;
        }
        if (all.isEmpty()) {
            return new CheckResult(CheckCode.GATEWAY_NODES, Outcome.WARN, "0 nodes", limit.text(),
                    evidence.append("(no node reported)").toString());
        }
        return new CheckResult(CheckCode.GATEWAY_NODES, limit.grade(silent), (all.size() - silent) + "/" + all.size()
                + " alive", limit.text(), evidence.toString());
    }

    CheckResult queues(CheckSetting setting) {
        IntegrationHealth health = integration.getIfAvailable();
        if (health == null) {
            return CheckResult.error(CheckCode.QUEUE_DEPTH, "the integration engine is not part of this process", null);
        }
        List<IntegrationHealth.DestinationHealth> destinations = health.destinations();
        long worst = 0;
        String worstName = null;
        StringBuilder evidence = new StringBuilder("> integration destination queues\n");
        for (IntegrationHealth.DestinationHealth d : destinations) {
            evidence.append(d.channel()).append(" → ").append(d.destination()).append("  depth ").append(d.depth())
                    .append(d.oldestQueuedAt() == null ? "" : "  oldest " + d.oldestQueuedAt()).append("  breaker ")
                    .append(d.breaker()).append('\n');
            if (d.depth() > worst || worstName == null) {
                worst = Math.max(worst, d.depth());
                worstName = d.channel() + "/" + d.destination();
            }
        }
        if (destinations.isEmpty()) {
            evidence.append("(no destination)");
        }
        CheckCode.Limit limit = setting.limit(CheckCode.QUEUE_DEPTH);
        return new CheckResult(CheckCode.QUEUE_DEPTH, limit.grade(worst), worst + (worstName == null ? ""
                : " " + worstName), limit.text(), evidence.toString());
    }

    CheckResult backups(CheckCode check, CheckSetting setting) throws IOException {
        Path directory = setting.directory() != null ? Path.of(setting.directory()) : backups;
        String glob = setting.filePattern() != null ? setting.filePattern() : "medops-*";
        java.nio.file.PathMatcher matcher = directory.getFileSystem().getPathMatcher("glob:" + glob);
        List<BackupFiles.BackupFile> files;
        if (!Files.isDirectory(directory)) {
            files = List.of();
        } else {
            try (Stream<Path> list = Files.list(directory)) {
                files = list.filter(Files::isRegularFile).filter(p -> matcher.matches(p.getFileName())).map(p -> {
                    try {
                        BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
                        return new BackupFiles.BackupFile(p.getFileName().toString(), attributes.size(),
                                attributes.lastModifiedTime().toInstant());
                    } catch (IOException e) {
                        return null;
                    }
                }).filter(java.util.Objects::nonNull).toList();
            }
        }
        BackupFiles found = new BackupFiles(files);
        String evidence = "$ ls " + directory.toAbsolutePath().normalize() + "/" + glob + "\n" + found.listing();
        return check == CheckCode.BACKUP_FRESHNESS ? found.freshness(setting, clock.instant(), evidence)
                : found.count(setting, evidence);
    }
}
