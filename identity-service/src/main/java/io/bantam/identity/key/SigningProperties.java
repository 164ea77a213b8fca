package io.bantam.identity.key;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the signing keys come from, in this order:
 * <ol>
 * <li>{@code keys}: configured keys (a Kubernetes Secret), the first signs, all are published;</li>
 * <li>{@code data-dir}: a key generated on first start and kept in {@code <data-dir>/identity/signing-key.pem}
 * (what {@code ./bantam up} sets through {@code BANTAM_DATA_DIR});</li>
 * <li>neither: a key generated in memory (tests), so tokens do not survive a restart.</li>
 * </ol>
 *
 * @param keys configured keys, e.g. {@code BANTAM_IDENTITY_SIGNING_KEYS_0_ID} and
 *     {@code BANTAM_IDENTITY_SIGNING_KEYS_0_PRIVATEKEY}
 * @param dataDir the local data directory, blank when there is none
 */
@ConfigurationProperties("bantam.identity.signing")
public record SigningProperties(@DefaultValue List<Key> keys, String dataDir) {

    /**
     * @param id the key id ({@code kid}); blank for the key's RFC 7638 thumbprint
     * @param privateKey the RSA private key in PEM (PKCS#8 or PKCS#1), 2048 bits or more
     */
    public record Key(String id, String privateKey) {

        @Override
        public String toString() {
            return "Key[id=" + id + "]";
        }
    }
}
