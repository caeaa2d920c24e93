package dev.inspector.persistence.embedded;

import dev.inspector.domain.failure.DatabaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A directory only its owner can change, checked before anything in it is read or executed: it
 * must belong to the user running the console and be writable by nobody else, and no folder above
 * it may let another user swap it (writable by others without the sticky bit, as /tmp has).
 * Created private when missing; never repaired when found open, because what another user may
 * already have put inside cannot be undone by a chmod.
 */
final class PrivateDirectory {

    private static final int STICKY = 01000;
    private static final int GROUP_OR_OTHER_WRITE = 0022;

    private PrivateDirectory() {
    }

    /** Creates {@code dir} (0700) if missing, then checks it and every folder above it. */
    static Path require(Path dir, String what) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                createPrivately(absolute);
            }
            check(absolute, what);
            return absolute;
        } catch (IOException e) {
            throw new DatabaseException("Inspector cannot use " + absolute + " as its " + what + ": " + e.getMessage() + ".", e);
        }
    }

    private static void createPrivately(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
            createPrivately(parent);
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); // whatever the umask did
    }

    static void check(Path dir, String what) throws IOException {
        String me = System.getProperty("user.name");
        if (Files.isSymbolicLink(dir)) {
            throw refused(dir, what, "it is a symbolic link");
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isDirectory()) {
            throw refused(dir, what, "it is not a directory");
        }
        if (!attributes.owner().getName().equals(me)) {
            throw refused(dir, what, "it belongs to " + attributes.owner().getName() + ", not to " + me);
        }
        Set<PosixFilePermission> permissions = attributes.permissions();
        if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw refused(dir, what, "other users may write into it (" + PosixFilePermissions.toString(permissions)
                    + "); check what is inside, then chmod 700 it");
        }
        for (Path above = dir.getParent(); above != null; above = above.getParent()) {
            int mode = (Integer) Files.getAttribute(above, "unix:mode");
            String owner = Files.getOwner(above).getName();
            boolean openToOthers = (mode & GROUP_OR_OTHER_WRITE) != 0 && (mode & STICKY) == 0;
            if (openToOthers || !owner.equals(me) && !owner.equals("root")) {
                throw refused(dir, what, "the folder above it, " + above + ", lets another user replace it");
            }
        }
    }

    private static DatabaseException refused(Path dir, String what, String why) {
        return new DatabaseException("Inspector will not use " + dir + " as its " + what + ": " + why + ".");
    }
}
