package org.csotracker.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.jar.JarFile;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** What tests need to run the app in its own JVM (benchmark, crash, cluster and backup tests). */
public final class SeparateApp {

    private SeparateApp() {
    }

    /**
     * The test classpath as plain, de-duplicated paths. Surefire hands a manifest-only jar whose
     * entries may name a folder twice (with and without a slash), and Camunda would then find
     * every BPMN twice and refuse the deployment.
     */
    public static String classpath() throws IOException {
        LinkedHashSet<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String url : classPath.trim().split("\\s+")) {
                        entries.add(Path.of(URI.create(url)).toAbsolutePath().normalize().toString());
                    }
                }
            } else {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Staff logins (username → role) written straight into the app's database, all with one password:
     * the separate app has no test users, and creating them through the admin API would need a first
     * administrator's session for each run.
     */
    public static void insertStaff(String jdbcUrl, String password, String displayPrefix, Map<String, String> roleOfUser)
            throws Exception {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            for (Map.Entry<String, String> user : roleOfUser.entrySet()) {
                var insert = db.prepareStatement("insert into cso.user_account (username, password_hash, display_name, email, "
                        + "enabled, created_at) values (?, ?, ?, ?, true, now()) returning id");
                insert.setString(1, user.getKey());
                insert.setString(2, hash);
                insert.setString(3, displayPrefix + " " + user.getValue());
                insert.setString(4, user.getKey() + "@example.org");
                var id = insert.executeQuery();
                id.next();
                var role = db.prepareStatement("insert into cso.user_role (user_id, role) values (?, ?)");
                role.setLong(1, id.getLong(1));
                role.setString(2, user.getValue());
                role.execute();
            }
        }
    }
}
