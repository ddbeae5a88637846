package tools.neo4j;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.config.Setting;

/**
 * Neo4j community DBMS, embedded, reachable only through Bolt on 127.0.0.1.
 *
 * Settings come from the environment (see README.md). stdout carries exactly two lines, the
 * "ready" line and the "stopped" line, so a parent process can wait for the first one; Neo4j's
 * own logging goes to files under the data directory.
 */
public final class LocalNeo4j {

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            // Neo4j's non-daemon threads could otherwise keep a half-started JVM alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        int port = Integer.parseInt(env("NEO4J_PORT", "7687"));
        Path home = Path.of(env("NEO4J_DATA_DIR", "data/neo4j")).toAbsolutePath().normalize();
        String password = System.getenv("NEO4J_PASSWORD"); // taken verbatim: no trimming of a password
        boolean auth = password != null && !password.isEmpty();

        // Also advertised explicitly: the routing table (neo4j:// URIs) hands out the advertised
        // address, and the default "localhost" may resolve to ::1, where nothing listens.
        SocketAddress bolt = new SocketAddress("127.0.0.1", port);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(BoltConnector.advertised_address, bolt)
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // The embedded DBMS has no web server, but say so rather than rely on it.
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(BoltConnector.server_bolt_telemetry_enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                // A local dev/test server: allow short passwords such as "secret" (default minimum is 8).
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                .setConfig(GraphDatabaseSettings.logs_directory, home.resolve("logs"))
                // Netty otherwise idles 5 s after the stores are already closed, which slows every
                // stop/restart in tests. (Internal setting; the Neo4j version is pinned.)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // Values are parsed by Neo4j itself, so "256m" / "60s" mean what they mean in neo4j.conf.
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        parse(GraphDatabaseSettings.pagecache_memory, env("NEO4J_PAGE_CACHE", "256m")))
                // Default for transactions that set no timeout; a driver's per-transaction timeout overrides it.
                .setConfig(GraphDatabaseSettings.transaction_timeout,
                        parse(GraphDatabaseSettings.transaction_timeout, env("NEO4J_TX_TIMEOUT", "60s")));

        DatabaseManagementService dbms = builder.build();
        // Closing the DBMS checkpoints and closes the stores, so the next start needs no recovery.
        // (A signal during build() just exits; the next start then recovers, as after kill -9.)
        PrintStream out = System.out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            out.println("Neo4j stopped");
            out.flush();
        }, "neo4j-shutdown"));

        if (auth) {
            setPassword(dbms, password);
        }

        // Asking the DBMS (rather than reading a jar manifest) also proves the default database answers.
        String version = execute(dbms, GraphDatabaseSettings.DEFAULT_DATABASE_NAME,
                "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                Map.of(), result -> (String) result.next().get("v"));

        out.println("Neo4j " + version + " ready on bolt://127.0.0.1:" + port);
        out.flush();

        // Neo4j's own threads would keep the JVM alive too, but don't depend on that.
        new CountDownLatch(1).await();
    }

    /**
     * On first start with auth on, Neo4j creates user neo4j with password "neo4j" and "change
     * required". The embedded API talks to the system database without authenticating, so the
     * password can simply be (re)set on every start; that also applies a changed NEO4J_PASSWORD.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            execute(dbms, GraphDatabaseSettings.SYSTEM_DATABASE_NAME,
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password), Result::resultAsString);
        } catch (RuntimeException e) {
            // Setting the password it already has is refused; that is the normal restart case.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    /**
     * Runs one statement with its own generous timeout: the first Cypher statements after a cold
     * start spend seconds compiling, which a short NEO4J_TX_TIMEOUT would otherwise cut off.
     */
    private static <T> T execute(DatabaseManagementService dbms, String database, String cypher,
                                 Map<String, Object> params, Function<Result, T> read) {
        try (Transaction tx = dbms.database(database).beginTx(5, TimeUnit.MINUTES)) {
            T value = read.apply(tx.execute(cypher, params));
            tx.commit();
            return value;
        }
    }

    private static <T> T parse(Setting<T> setting, String value) {
        return ((SettingImpl<T>) setting).parse(value);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
