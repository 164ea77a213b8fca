package io.bantam.deploy;

import java.util.Map;

/**
 * How each environment variable a service reads is set where Bantam is deployed. Every variable found in an
 * application.yml must be decided here, so a new one cannot be forgotten: a default is only left alone where it
 * is right for that place, and that is written down, with the reason.
 */
final class EnvironmentDecisions {

    enum Setting {
        /** set explicitly */
        SET,
        /** set, from a Secret (Kubernetes) */
        SECRET,
        /** left unset on purpose: the default is right there */
        DEFAULT
    }

    record Decision(Setting compose, Setting kubernetes, String why) {
    }

    static final Map<String, Decision> DECISIONS = Map.ofEntries(
            Map.entry("SERVER_PORT", new Decision(Setting.SET, Setting.SET,
                    "explicit everywhere: probes, Services and health checks name the port")),
            Map.entry("DB_HOST", new Decision(Setting.SET, Setting.SET, "localhost is right only for ./bantam up")),
            Map.entry("DB_PORT", new Decision(Setting.SET, Setting.SET, "explicit beside DB_HOST")),
            Map.entry("DB_NAME", new Decision(Setting.SET, Setting.SET, "explicit: one database per service")),
            Map.entry("DB_USER", new Decision(Setting.SET, Setting.SECRET,
                    "Kubernetes: the username key of the role's basic-auth Secret, as CloudNativePG uses it")),
            Map.entry("DB_PASSWORD", new Decision(Setting.SET, Setting.SECRET, "a credential: a Secret")),
            Map.entry("KAFKA_BOOTSTRAP_SERVERS", new Decision(Setting.SET, Setting.SET,
                    "localhost is right only for ./bantam up")),
            Map.entry("IDENTITY_URL", new Decision(Setting.SET, Setting.SET, "a service address")),
            Map.entry("RELATIONSHIP_URL", new Decision(Setting.SET, Setting.SET, "a service address")),
            Map.entry("BOOKING_URL", new Decision(Setting.SET, Setting.SET, "a service address")),
            Map.entry("TASK_URL", new Decision(Setting.SET, Setting.SET, "a service address")),
            Map.entry("NOTES_URL", new Decision(Setting.SET, Setting.SET, "a service address")),
            Map.entry("JWT_ISSUER", new Decision(Setting.SET, Setting.SET,
                    "explicit and equal in every service: issuer and checkers must agree")),
            Map.entry("BANTAM_INTERNAL_TOKEN", new Decision(Setting.SET, Setting.SECRET,
                    "the default is a well-known local value; Kubernetes takes it from a Secret")),
            Map.entry("BANTAM_CALENDAR_FEED_KEY", new Decision(Setting.SET, Setting.SECRET,
                    "the key calendar feed tokens are derived with: a well-known local default; Kubernetes takes it "
                            + "from a Secret")),
            Map.entry("BANTAM_PUBLIC_URL", new Decision(Setting.SET, Setting.SET,
                    "where callers reach the gateway, the start of every calendar feed address: the Ingress host in "
                            + "Kubernetes, the published port in Compose")),
            Map.entry("BANTAM_DATA_DIR", new Decision(Setting.SET, Setting.DEFAULT,
                    "Compose: the generated signing key is kept in a volume (one replica). Kubernetes: the keys come "
                            + "from the identity-signing-keys Secret; a data dir would give each replica a key of its "
                            + "own on an ephemeral disk")),
            Map.entry("TRUSTED_PROXIES", new Decision(Setting.SET, Setting.SET,
                    "the default (loopback) is right only when the proxy in front (the gateway for identity, an "
                            + "ingress for the gateway) runs on the same host")),
            // the edge (gateway CORS)
            Map.entry("BANTAM_GATEWAY_CORS_ALLOWEDORIGINS", new Decision(Setting.SET, Setting.SET,
                    "the browser origins of the web UI: the Ingress host in Kubernetes; in Compose the Vite dev "
                            + "server on the host (the UI the gateway serves is same-origin)")));

    private EnvironmentDecisions() {
    }
}
