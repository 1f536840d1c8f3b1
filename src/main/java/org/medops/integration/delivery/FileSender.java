package org.medops.integration.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.medops.integration.channels.ChannelDocument;
import org.medops.integration.store.Outgoing;
import org.springframework.stereotype.Component;

/**
 * The file writer: the body goes to a hidden temporary file in the target directory, which is then renamed to
 * its name in one step, so a reader of the directory never sees half a file. A file of the same name is replaced
 * (a resend after a crash writes the same content again).
 */
final class FileSender implements Sender {

    @Component
    static final class Kind implements Sender.Kind {

        @Override
        public String type() {
            return "FILE";
        }

        @Override
        public Sender open() {
            return new FileSender();
        }
    }

    @Override
    public Result send(ChannelDocument.Destination destination, Outgoing message) {
        String name = name(destination.file(), message);
        Path directory = Path.of(destination.directory());
        Path temporary = directory.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(directory);
            Files.writeString(temporary, message.body(), StandardCharsets.UTF_8);
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return Result.delivered("written " + name);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The temporary file is hidden and left for the operator.
            }
            return Result.failed(null, "not written to " + directory + ": " + e.getClass().getSimpleName());
        }
    }

    /** The template with its placeholders; anything but letters, digits, dot, dash and underscore becomes _. */
    static String name(String template, Outgoing message) {
        String name = template.replace("${controlId}", safe(message.controlId() == null || message.controlId().isBlank()
                        ? String.valueOf(message.id()) : message.controlId()))
                .replace("${messageId}", String.valueOf(message.id()))
                .replace("${channel}", safe(message.channel()));
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }

    private static String safe(String value) {
        return value.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
