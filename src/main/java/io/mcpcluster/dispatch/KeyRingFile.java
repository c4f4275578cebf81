package io.mcpcluster.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.logging.Logger;

/**
 * A {@link KeyRing} read from a file (a mounted secret) and read again whenever the file changes, so keys
 * rotate on a live cluster without a restart. The file is looked at only when a state is sealed or
 * opened (one {@code stat}); a plain call never touches it. A change that does not parse is refused with
 * a warning and the keys in use stay; a file that does not parse at start fails the deployment.
 */
final class KeyRingFile implements SealingKeys {
    private static final Logger LOG = Logger.getLogger(KeyRingFile.class.getName());

    private record Loaded(KeyRing ring, Object version) {
    }

    private final Path file;
    private volatile Loaded loaded;

    KeyRingFile(Path file) {
        this.file = file;
        Object version = version();
        loaded = new Loaded(read(), version);
    }

    @Override
    public Named current() {
        return ring().current();
    }

    @Override
    public byte[] key(String id) {
        return ring().key(id);
    }

    private KeyRing ring() {
        Loaded now = loaded;
        Object version = version();
        if (version.equals(now.version())) {
            return now.ring();
        }
        synchronized (this) {
            if (!version.equals(loaded.version())) {
                try {
                    loaded = new Loaded(read(), version);
                    LOG.info(() -> "requestState keys re-read from " + file + ": current " + loaded.ring().currentId()
                            + ", known " + loaded.ring().keys().keySet());
                } catch (RuntimeException e) {
                    LOG.warning("requestState keys in " + file + " not taken, the previous ones stay: " + e.getMessage());
                    loaded = new Loaded(loaded.ring(), version);
                }
            }
            return loaded.ring();
        }
    }

    /** What changes when the file is replaced or rewritten: its identity, time and size. */
    private Object version() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.lastModifiedTime().toMillis() + "/" + a.size() + "/" + a.fileKey();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private KeyRing read() {
        try {
            return KeyRing.parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the requestState keys in " + file, e);
        }
    }
}
