package io.bantam.identity.key;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A signing key kept in a file, for local runs: generated on first start, read on every later one, so tokens
 * and the JWKS survive a restart. Written owner-only, and atomically, so a crash never leaves half a key.
 */
final class SigningKeyFile {

    private SigningKeyFile() {
    }

    static SigningKeys loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return SigningKeys.of(List.of(PemKeys.parse(Files.readString(file, StandardCharsets.US_ASCII), null)));
            }
            RSAKey key = SigningKeys.generateKey();
            if (!create(file, PemKeys.write(key))) {
                // another instance sharing the directory got there first: its key wins
                return SigningKeys.of(List.of(PemKeys.parse(Files.readString(file, StandardCharsets.US_ASCII), null)));
            }
            return SigningKeys.of(List.of(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key file " + file, e);
        }
    }

    /** Writes the file unless it exists; false when it did. The key appears whole or not at all. */
    private static boolean create(Path file, String pem) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".signing-key", ".tmp");
        try {
            if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
            try {
                // a hard link is an atomic create-if-absent, unlike a rename, which would replace
                Files.createLink(file, temporary);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException e) {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
