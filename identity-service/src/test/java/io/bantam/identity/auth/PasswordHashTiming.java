package io.bantam.identity.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * Measures how long one Argon2id hash and one verification take on this machine, at the parameters the service
 * uses. Not a test: run it by hand, e.g.
 * {@code java -cp "identity-service/target/classes:identity-service/target/test-classes:$(cat cp.txt)"
 * io.bantam.identity.auth.PasswordHashTiming 50}.
 */
public final class PasswordHashTiming {

    private PasswordHashTiming() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        PasswordHasher hasher = new PasswordHasher();
        try {
            for (int i = 0; i < 20; i++) { // warm-up: let the JIT compile the hash
                hasher.hash("warm-up password").block();
            }
            long[] hash = new long[runs];
            long[] verify = new long[runs];
            String stored = hasher.hash("correct horse battery staple").block();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                hasher.hash("correct horse battery staple").block();
                hash[i] = System.nanoTime() - start;
                start = System.nanoTime();
                hasher.verify("correct horse battery staple", Optional.of(stored)).block();
                verify[i] = System.nanoTime() - start;
            }
            System.out.printf("Argon2id m=19456 KiB t=2 p=1, %d runs, %d cores: hash median %.1f ms (min %.1f, p90 %.1f);"
                    + " verify median %.1f ms%n", runs, Runtime.getRuntime().availableProcessors(),
                    percentile(hash, 50), percentile(hash, 0), percentile(hash, 90), percentile(verify, 50));
        } finally {
            hasher.destroy();
        }
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.round(percentile / 100.0 * (sorted.length - 1)));
        return sorted[index] / 1_000_000.0;
    }
}
