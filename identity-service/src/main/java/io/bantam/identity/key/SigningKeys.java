package io.bantam.identity.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The RSA keys access tokens are signed with. The first key signs; every key is published in the JWKS, so a
 * new key can be put first while the old one stays until the tokens it signed have expired.
 */
public final class SigningKeys {

    public static final int MIN_BITS = 2048;

    private final List<RSAKey> keys;
    private final List<JWK> publicKeys;

    private SigningKeys(List<RSAKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        for (RSAKey key : keys) {
            if (!key.isPrivate()) {
                throw new IllegalArgumentException("signing key " + key.getKeyID() + " has no private part");
            }
            if (key.size() < MIN_BITS) {
                throw new IllegalArgumentException("signing key " + key.getKeyID() + " has " + key.size()
                        + " bits; at least " + MIN_BITS + " are needed");
            }
        }
        long distinctIds = keys.stream().map(RSAKey::getKeyID).distinct().count();
        if (distinctIds != keys.size()) {
            throw new IllegalArgumentException("signing key ids must be unique");
        }
        this.keys = List.copyOf(keys);
        this.publicKeys = this.keys.stream().map(RSAKey::toPublicJWK).collect(Collectors.toUnmodifiableList());
    }

    public static SigningKeys of(List<RSAKey> keys) {
        return new SigningKeys(keys);
    }

    /** One fresh RSA key with its thumbprint as id. */
    public static SigningKeys generate() {
        return of(List.of(generateKey()));
    }

    static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(MIN_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** The key new tokens are signed with. */
    public RSAKey current() {
        return keys.get(0);
    }

    /** The public halves of every key: what the JWKS publishes and what tokens are verified against. */
    public List<JWK> publicKeys() {
        return publicKeys;
    }

    /** The public key with this id, as a list of zero or one (the shape a JWK source answers in). */
    public List<JWK> publicKeysWithId(String keyId) {
        return publicKeys.stream().filter(key -> Objects.equals(key.getKeyID(), keyId)).toList();
    }

    public JWKSet publicJwkSet() {
        return new JWKSet(publicKeys());
    }

    public List<String> ids() {
        return keys.stream().map(RSAKey::getKeyID).toList();
    }

    @Override
    public String toString() {
        return "SigningKeys" + ids();
    }
}
