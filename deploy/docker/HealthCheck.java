import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's health check: the runtime image has no shell and no curl, so a JVM asks the service's readiness
 * probe ({@code http://127.0.0.1:$SERVER_PORT/actuator/health/readiness}, or the URL given as the argument)
 * and exits 0 on a 2xx answer, 1 otherwise. java.base only; compiled during the image build.
 */
public final class HealthCheck {

    private HealthCheck() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:" + port + "/actuator/health/readiness";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(3000);
            int status = connection.getResponseCode();
            connection.disconnect();
            System.exit(status >= 200 && status < 300 ? 0 : 1);
        } catch (Exception e) {
            System.err.println("health check failed: " + e);
            System.exit(1);
        }
    }
}
