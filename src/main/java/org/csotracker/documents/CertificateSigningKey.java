package org.csotracker.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.csotracker.department.DepartmentSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that signs certificate PDFs, with its X.509 certificate. Where it comes from:
 * <ol>
 * <li>{@code csotracker.certificates.keystore} (env {@code CSOTRACKER_CERTIFICATES_KEYSTORE}) names a PKCS#12
 * file, opened with {@code csotracker.certificates.keystore-password}
 * ({@code CSOTRACKER_CERTIFICATES_KEYSTORE_PASSWORD}): its first private key entry and certificate chain. Read
 * at start-up, so a wrong path or password stops the app with a clear message.</li>
 * <li>Otherwise a key of our own: at first use an RSA-2048 key with a self-signed certificate (CN and O = the
 * department's name) is generated and kept in {@code csotracker.certificates.key-directory} (default
 * {@code ./data/keys}, beside the embedded database) as {@code certificate-signing.p12}, with a random
 * password in {@code certificate-signing.password}; both owner-only. Later starts load it again, so
 * certificates issued before a restart still verify as signed by this system. An existing key is never
 * replaced.</li>
 * <li>When {@code csotracker.embedded-database.ephemeral} is true (the tests' throw-away database) and no
 * keystore is configured, the generated key lives in memory only: tests never write key files, and their
 * certificates cannot verify against a later run.</li>
 * </ol>
 * Nothing here is ever committed: {@code data/} is ignored by git.
 */
@Component
class CertificateSigningKey {

    static final String FILE_NAME = "certificate-signing.p12";
    static final String PASSWORD_FILE_NAME = "certificate-signing.password";
    private static final String ALIAS = "certificate-signing";
    private static final Logger log = LoggerFactory.getLogger(CertificateSigningKey.class);

    /** The private key, the signing certificate first in its chain. */
    record Material(PrivateKey privateKey, List<X509Certificate> chain) {

        X509Certificate certificate() {
            return chain.get(0);
        }

        PublicKey publicKey() {
            return certificate().getPublicKey();
        }
    }

    private interface Source {
        Material load();
    }

    private final Source source;
    private volatile Material material;

    @Autowired
    CertificateSigningKey(DepartmentSettings department,
            @Value("${csotracker.certificates.keystore:}") String keystore,
            @Value("${csotracker.certificates.keystore-password:}") String keystorePassword,
            @Value("${csotracker.certificates.key-directory:./data/keys}") String keyDirectory,
            @Value("${csotracker.embedded-database.ephemeral:false}") boolean ephemeral) {
        if (keystore != null && !keystore.isBlank()) {
            this.source = () -> loadKeystore(Path.of(keystore.trim()), keystorePassword.toCharArray());
            this.material = source.load();
            log.info("Certificates are signed with the key in {} ({})", keystore,
                    material.certificate().getSubjectX500Principal().getName());
        } else if (ephemeral) {
            this.source = () -> generate(department.name());
        } else {
            this.source = () -> loadOrCreate(Path.of(keyDirectory), department.name());
        }
    }

    private CertificateSigningKey(Source source) {
        this.source = source;
    }

    /** A fresh key kept in memory only (tests). */
    static CertificateSigningKey inMemory(String departmentName) {
        return new CertificateSigningKey(() -> generate(departmentName));
    }

    /** The key in {@code directory}, created at first use when there is none. */
    static CertificateSigningKey inDirectory(Path directory, String departmentName) {
        return new CertificateSigningKey(() -> loadOrCreate(directory, departmentName));
    }

    /** The first key entry of a PKCS#12 file. */
    static CertificateSigningKey fromKeystore(Path file, char[] password) {
        return new CertificateSigningKey(() -> loadKeystore(file, password));
    }

    /** The key and its certificate chain, loaded or generated at first call. */
    Material material() {
        Material current = material;
        if (current == null) {
            synchronized (this) {
                current = material;
                if (current == null) {
                    current = source.load();
                    material = current;
                }
            }
        }
        return current;
    }

    /** The common name of the signing certificate: the department. */
    String signerName() {
        return commonName(material().certificate());
    }

    static String commonName(X509Certificate certificate) {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length > 0 && rdns[0].getFirst() != null) {
            return rdns[0].getFirst().getValue().toString();
        }
        return certificate.getSubjectX500Principal().getName();
    }

    // --- generating ---------------------------------------------------------------------------------------

    static Material generate(String departmentName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, departmentName)
                    .addRDN(BCStyle.O, departmentName)
                    .build();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(63, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30 * 365))),
                    subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new Material(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot generate the certificate signing key", e);
        }
    }

    // --- the key directory ----------------------------------------------------------------------------------

    /**
     * Synchronized, and under an exclusive file lock in the directory: several threads or several
     * nodes sharing the directory must not each generate a key and overwrite each other's password.
     */
    private static synchronized Material loadOrCreate(Path directory, String departmentName) {
        Path keystore = directory.resolve(FILE_NAME);
        Path passwordFile = directory.resolve(PASSWORD_FILE_NAME);
        try {
            if (Files.exists(keystore)) {
                return loadFromDirectory(keystore, passwordFile);
            }
            createOwnerOnlyDirectory(directory);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(directory.resolve(".generate.lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock ignored = channel.lock()) {
                if (Files.exists(keystore)) {
                    return loadFromDirectory(keystore, passwordFile);
                }
                return createIn(directory, keystore, passwordFile, departmentName);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the certificate signing key in " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    private static Material createIn(Path directory, Path keystore, Path passwordFile, String departmentName) {
        try {
            Material material = generate(departmentName);
            char[] password = randomPassword();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, material.privateKey(), password,
                    material.chain().toArray(new Certificate[0]));
            // password first: whoever sees the keystore file can also read its password
            writeOwnerOnly(passwordFile, true, out -> out.write(new String(password).getBytes(StandardCharsets.UTF_8)));
            try {
                writeOwnerOnly(keystore, false, out -> storeTo(store, out, password));
            } catch (FileAlreadyExistsException raced) {
                return loadFromDirectory(keystore, passwordFile);
            }
            log.info("Generated the certificate signing key in {} (self-signed, CN={})", keystore, departmentName);
            return material;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the certificate signing key in " + directory
                    + ": " + e.getMessage(), e);
        }
    }

    private static Material loadFromDirectory(Path keystore, Path passwordFile) {
        if (!Files.isReadable(passwordFile)) {
            throw new IllegalStateException("The certificate signing key " + keystore + " exists but its password file "
                    + passwordFile + " is missing; restore it (the key is never replaced automatically, as that"
                    + " would make every issued certificate unverifiable)");
        }
        try {
            char[] password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim().toCharArray();
            return loadKeystore(keystore, password);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + passwordFile, e);
        }
    }

    private static Material loadKeystore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (key == null || chain == null || chain.length == 0) {
                        continue;
                    }
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate certificate : chain) {
                        certificates.add((X509Certificate) certificate);
                    }
                    return new Material(key, List.copyOf(certificates));
                }
            }
            throw new IllegalStateException("The keystore " + file + " holds no private key with a certificate");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open the certificate signing keystore " + file + ": "
                    + e.getMessage() + " (check the path and csotracker.certificates.keystore-password)", e);
        }
    }

    private static char[] randomPassword() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    private static void storeTo(KeyStore store, OutputStream out, char[] password) throws IOException {
        try {
            store.store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot write the keystore", e);
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix(directory)) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Writes a file readable by the owner only; unless {@code replace}, fails if it exists. */
    private static void writeOwnerOnly(Path target, boolean replace, Writer writer) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary;
        if (posix(target)) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            temporary = Files.createTempFile(directory, ".key-", ".tmp", ownerOnly);
        } else {
            temporary = Files.createTempFile(directory, ".key-", ".tmp");
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writer.write(out);
            }
            if (!replace && Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
