package io.bantam.identity.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static final RSAKey KEY = SigningKeys.generateKey();

    @Test
    void generatedKeyIsRsa2048WithItsThumbprintAsId() throws Exception {
        assertThat(KEY.size()).isEqualTo(2048);
        assertThat(KEY.getKeyID()).isEqualTo(KEY.computeThumbprint().toString());
    }

    @Test
    void pemRoundTripKeepsTheKeyAndItsThumbprintId() {
        String pem = PemKeys.write(KEY);

        RSAKey read = PemKeys.parse(pem, null);

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(read.getKeyID()).isEqualTo(KEY.getKeyID());
        assertThat(read.getModulus()).isEqualTo(KEY.getModulus());
        assertThat(read.isPrivate()).isTrue();
    }

    @Test
    void configuredIdIsUsedWhenGiven() {
        assertThat(PemKeys.parse(PemKeys.write(KEY), " 2026-12 ").getKeyID()).isEqualTo("2026-12");
    }

    @Test
    void pkcs1KeysAsOlderOpensslWritesThemAreReadToo() throws Exception {
        byte[] pkcs8 = KEY.toPrivateKey().getEncoded();
        String pkcs1Pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pkcs1Of(pkcs8))
                + "\n-----END RSA PRIVATE KEY-----\n";

        assertThat(PemKeys.parse(pkcs1Pem, null).getKeyID()).isEqualTo(KEY.getKeyID());
    }

    @Test
    void garbageIsNotAKey() {
        assertThatThrownBy(() -> PemKeys.parse("hello", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PemKeys.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysUnder2048BitsAreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        java.security.KeyPair pair = generator.generateKeyPair();
        RSAKey small = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
                .privateKey(pair.getPrivate()).keyID("small").build();

        assertThatThrownBy(() -> SigningKeys.of(List.of(small))).hasMessageContaining("at least 2048");
    }

    @Test
    void firstKeySignsAndEveryKeyIsPublished() {
        RSAKey next = SigningKeys.generateKey();

        SigningKeys keys = SigningKeys.of(List.of(next, KEY));

        assertThat(keys.current()).isEqualTo(next);
        assertThat(keys.publicKeys()).extracting(JWK::getKeyID).containsExactly(next.getKeyID(), KEY.getKeyID());
        assertThat(keys.publicKeysWithId(KEY.getKeyID())).hasSize(1);
        assertThat(keys.publicKeysWithId("unknown")).isEmpty();
        assertThat(keys.publicKeysWithId(null)).isEmpty();
    }

    @Test
    void jwksHoldsOnlyPublicParts() {
        Map<String, Object> jwks = SigningKeys.of(List.of(KEY)).publicJwkSet().toJSONObject(true);

        @SuppressWarnings("unchecked")
        Map<String, Object> jwk = ((List<Map<String, Object>>) jwks.get("keys")).get(0);
        assertThat(jwk).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                .containsEntry("kid", KEY.getKeyID()).containsKeys("n", "e")
                .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
    }

    @Test
    void keyFileIsCreatedOnFirstStartOwnerOnlyAndReadAfterwards(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("identity/signing-key.pem");

        SigningKeys first = SigningKeyFile.loadOrCreate(file);
        SigningKeys second = SigningKeyFile.loadOrCreate(file);

        assertThat(second.ids()).isEqualTo(first.ids());
        assertThat(second.current().getModulus()).isEqualTo(first.current().getModulus());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void configuredKeysComeFirstThenTheDataDirThenMemory(@TempDir Path dir) {
        SigningKeyConfiguration configuration = new SigningKeyConfiguration();
        String pem = PemKeys.write(KEY);

        SigningKeys configured = configuration.signingKeys(new SigningProperties(
                List.of(new SigningProperties.Key("k1", pem)), dir.toString()));
        SigningKeys kept = configuration.signingKeys(new SigningProperties(List.of(), dir.toString()));
        SigningKeys inMemory = configuration.signingKeys(new SigningProperties(List.of(), ""));

        assertThat(configured.ids()).containsExactly("k1");
        assertThat(dir.resolve(SigningKeyConfiguration.KEY_FILE)).exists();
        assertThat(kept.ids()).isEqualTo(SigningKeyFile.loadOrCreate(dir.resolve(SigningKeyConfiguration.KEY_FILE)).ids());
        assertThat(inMemory.ids()).doesNotContainAnyElementsOf(kept.ids());
    }

    /** The RSAPrivateKey inside a PrivateKeyInfo: the content of its OCTET STRING, the last element. */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        int[] outer = header(pkcs8, 0);
        int position = outer[0];
        int end = outer[0] + outer[1];
        int[] element = null;
        while (position < end) {
            element = header(pkcs8, position);
            if (pkcs8[position] == 0x04) {
                return Arrays.copyOfRange(pkcs8, element[0], element[0] + element[1]);
            }
            position = element[0] + element[1];
        }
        throw new IllegalStateException("no OCTET STRING");
    }

    /** {content offset, content length} of the DER element at {@code offset}. */
    private static int[] header(byte[] der, int offset) {
        int first = der[offset + 1] & 0xFF;
        if (first < 0x80) {
            return new int[] {offset + 2, first};
        }
        int bytes = first & 0x7F;
        int length = 0;
        for (int i = 0; i < bytes; i++) {
            length = (length << 8) | (der[offset + 2 + i] & 0xFF);
        }
        return new int[] {offset + 2 + bytes, length};
    }
}
