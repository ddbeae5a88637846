package tools.neo4j;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingImpl;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.string.UTF8;

/**
 * Neo4j community DBMS, embedded, reachable only through Bolt on 127.0.0.1. The same source builds
 * against the LTS (5.26, Java 17) and the calendar releases (2025.x and later, Java 21+).
 *
 * Settings come from the environment (see README.md). stdout carries exactly two lines, the
 * "ready" line and the "stopped" line, so a parent process can wait for the first one; Neo4j's
 * own logging goes to files under the data directory.
 */
public final class LocalNeo4j {

    private static final String USER = "neo4j";
    /** The first Cypher statements after a cold start spend seconds compiling; a short NEO4J_TX_TIMEOUT must not cut them off. */
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(5);

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
        String dataDir = env("NEO4J_DATA_DIR", "");
        if (dataDir.isEmpty()) {
            throw new IllegalStateException("NEO4J_DATA_DIR is not set: start this with run.sh, which chooses the version's folder");
        }
        Path home = Path.of(dataDir).toAbsolutePath().normalize();
        String password = System.getenv("NEO4J_PASSWORD"); // taken verbatim: no trimming of a password
        boolean auth = password != null && !password.isEmpty();

        // The password is in place before Bolt opens, so no client is ever refused the right one.
        if (auth) {
            Config paths = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
            Path system = Neo4jLayout.of(paths).databaseLayout(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).databaseDirectory();
            if (Files.isDirectory(system)) {
                setPasswordWithoutBolt(home, password);
            } else {
                writeInitialPassword(paths, password);
            }
        }

        DatabaseManagementService dbms = builder(home, auth).setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt(port))
                .setConfig(BoltConnector.advertised_address, bolt(port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .build();
        // Closing the DBMS checkpoints and closes the stores, so the next start needs no recovery.
        // (A signal during build() just exits; the next start then recovers, as after kill -9.)
        PrintStream out = System.out;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            out.println("Neo4j stopped");
            out.flush();
        }, "neo4j-shutdown"));

        String version = versionThroughBolt(port, auth ? AuthTokens.basic(USER, password) : AuthTokens.none());
        out.println("Neo4j " + version + " ready on bolt://127.0.0.1:" + port);
        out.flush();

        // Neo4j's own threads would keep the JVM alive too, but don't depend on that.
        new CountDownLatch(1).await();
    }

    /** Everything but the Bolt connector, which the caller adds or leaves off. */
    private static DatabaseManagementServiceBuilder builder(Path home, boolean auth) {
        var builder = new DatabaseManagementServiceBuilder(home);
        String language = env("NEO4J_DEFAULT_LANGUAGE", "");
        if (!language.isEmpty()) {
            // Declared from 2025.06 on only, so set by its name: Neo4j itself parses the value or says what is wrong.
            Config parsed = Config.newBuilder().setRaw(Map.of("db.query.default_language", language)).build();
            Setting<Object> setting = parsed.getSetting("db.query.default_language");
            builder.setConfig(setting, parsed.get(setting));
        }
        return builder
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                .setConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
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
                // stop/restart in tests. (Internal setting, seconds on 5.26 and a duration later: parsed
                // by Neo4j, "0" is zero in both.)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period,
                        parse(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, "0"))
                // Values are parsed by Neo4j itself, so "256m" / "60s" mean what they mean in neo4j.conf.
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        parse(GraphDatabaseSettings.pagecache_memory, env("NEO4J_PAGE_CACHE", "256m")))
                // Default for transactions that set no timeout; a driver's per-transaction timeout overrides it.
                .setConfig(GraphDatabaseSettings.transaction_timeout,
                        parse(GraphDatabaseSettings.transaction_timeout, env("NEO4J_TX_TIMEOUT", "60s")));
    }

    /** Also advertised explicitly: the routing table (neo4j:// URIs) hands out the advertised address, and "localhost" may resolve to ::1. */
    private static SocketAddress bolt(int port) {
        return new SocketAddress("127.0.0.1", port);
    }

    /**
     * A new store: what `neo4j-admin dbms set-initial-password` writes (data/dbms/auth.ini), which the
     * system database takes for user neo4j when it is created, before any connector opens.
     */
    private static void writeInitialPassword(Config paths, String password) throws Exception {
        Path file = CommunitySecurityModule.getInitialUserRepositoryFile(paths);
        Files.deleteIfExists(file); // the repository adds to the file; a password from an earlier try must go
        var users = new FileUserRepository(new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(),
                EmptyMemoryTracker.INSTANCE);
        users.start();
        try {
            var credential = SystemGraphCredential.createCredentialForPassword(UTF8.encode(password), new SecureHasher());
            users.create(new User(USER, null, credential, false, false));
        } finally {
            users.shutdown();
        }
    }

    /**
     * A store that exists already (its password may differ, or be Neo4j's default "neo4j" with a change
     * required): the DBMS starts once with no connector, the password is set through the embedded API,
     * which needs no login, and it stops again before the real start. Setting the password it already
     * has is refused, the normal restart case.
     */
    private static void setPasswordWithoutBolt(Path home, String password) {
        DatabaseManagementService dbms = builder(home, true).setConfig(BoltConnector.enabled, false).build();
        try (Transaction tx = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                .beginTx(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            tx.execute("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password))
                    .resultAsString();
            tx.commit();
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        } finally {
            dbms.shutdown();
        }
    }

    /**
     * Logs in through Bolt as a client would and asks the version: the ready line then promises that
     * the password is accepted and the default database answers.
     */
    private static String versionThroughBolt(int port, AuthToken token) {
        var config = org.neo4j.driver.Config.builder().withoutEncryption().withLogging(Logging.none())
                .withMaxConnectionPoolSize(1).build();
        try (Driver driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, token, config);
             Session session = driver.session()) {
            return session.run("CALL dbms.components() YIELD name, versions WHERE name = 'Neo4j Kernel' RETURN versions[0] AS v", Map.of(),
                    TransactionConfig.builder().withTimeout(SETUP_TIMEOUT).build()).single().get("v").asString();
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
