/**
 * A {@link java.nio.file.spi.FileSystemProvider} for the {@code smb} scheme on top of the
 * public API of {@code dev.smbco.client}: {@code FileSystems.newFileSystem(URI.create("smb://host/share"), env)}.
 *
 * <p>Exported: {@code dev.smbco.nio} (the provider, its {@code Path}, attribute views and
 * {@code FileStore}). On the module path the JDK finds the provider through {@code provides};
 * on the class path through {@code META-INF/services}.
 */
module dev.smbco.nio {
    requires transitive dev.smbco.client;
    requires org.slf4j;

    exports dev.smbco.nio;

    provides java.nio.file.spi.FileSystemProvider with dev.smbco.nio.SmbFileSystemProvider;
}
