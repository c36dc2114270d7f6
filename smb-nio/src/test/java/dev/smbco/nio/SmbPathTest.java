package dev.smbco.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SmbPath against the JDK's Path contract, without a server; where the contract leaves room, the
 * answer is compared with the default file system's (a Unix path behaves as an SMB path does).
 */
class SmbPathTest {
    private final SmbFileSystemProvider provider = new SmbFileSystemProvider();
    private final SmbFileSystem fs = new SmbFileSystem(provider, new FsKey("Files.Example", 445, "Data", "alice", "CORP"), null);
    private final FileSystem local = FileSystems.getDefault();

    private SmbPath p(String s, String... more) {
        return fs.getPath(s, more);
    }

    /** The same operation on an SMB path and a default-file-system path gives the same string. */
    private static final List<String> SAMPLES = List.of("", "/", "a", "/a", "a/b", "/a/b/c", "a/./b/../c", "/../a", "../../a/b",
            "a/..", ".", "..", "/a/b/", "//a//b", "a/b/c/d");

    @Test
    void everyDecompositionMatchesTheDefaultFileSystem() {
        for (String s : SAMPLES) {
            SmbPath sp = p(s);
            Path lp = local.getPath(s);
            assertThat(sp.toString()).as("toString of '%s'", s).isEqualTo(lp.toString());
            assertThat(sp.isAbsolute()).as("isAbsolute '%s'", s).isEqualTo(lp.isAbsolute());
            assertThat(str(sp.getFileName())).as("getFileName '%s'", s).isEqualTo(str(lp.getFileName()));
            assertThat(str(sp.getParent())).as("getParent '%s'", s).isEqualTo(str(lp.getParent()));
            assertThat(str(sp.getRoot())).as("getRoot '%s'", s).isEqualTo(str(lp.getRoot()));
            assertThat(sp.getNameCount()).as("getNameCount '%s'", s).isEqualTo(lp.getNameCount());
            assertThat(sp.normalize().toString()).as("normalize '%s'", s).isEqualTo(lp.normalize().toString());
            assertThat(names(sp)).as("iterator '%s'", s).isEqualTo(names(lp));
            for (String t : SAMPLES) {
                SmbPath st = p(t);
                Path lt = local.getPath(t);
                assertThat(sp.resolve(st).toString()).as("'%s'.resolve('%s')", s, t).isEqualTo(lp.resolve(lt).toString());
                assertThat(str(sp.resolveSibling(st))).as("'%s'.resolveSibling('%s')", s, t).isEqualTo(str(lp.resolveSibling(lt)));
                assertThat(sp.startsWith(st)).as("'%s'.startsWith('%s')", s, t).isEqualTo(lp.startsWith(lt));
                assertThat(sp.endsWith(st)).as("'%s'.endsWith('%s')", s, t).isEqualTo(lp.endsWith(lt));
                assertThat(sp.equals(st)).as("'%s'.equals('%s')", s, t).isEqualTo(lp.equals(lt));
                assertThat(Integer.signum(sp.compareTo(st))).as("'%s'.compareTo('%s')", s, t)
                        .isEqualTo(Integer.signum(lp.compareTo(lt)));
                assertThat(relativize(sp, st)).as("'%s'.relativize('%s')", s, t).isEqualTo(relativize(lp, lt));
            }
        }
    }

    @Test
    void subpathAndGetNameFollowTheContract() {
        SmbPath path = p("/a/b/c/d");
        assertThat(path.subpath(1, 3)).isEqualTo(p("b/c"));
        assertThat(path.getName(0)).isEqualTo(p("a"));
        assertThat(path.getName(3)).isEqualTo(p("d"));
        assertThatThrownBy(() -> path.subpath(2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> path.subpath(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> path.getName(4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/a/b/c/d");
        assertThatThrownBy(() -> p("/").getName(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relativizeThenResolveGivesThePathBack() {
        SmbPath base = p("/x/y/z");
        for (String t : List.of("/x/y/z/q", "/x/a", "/b/c", "/x/y/z", "/")) {
            SmbPath target = p(t);
            assertThat(base.resolve(base.relativize(target)).normalize()).isEqualTo(target);
        }
        assertThatThrownBy(() -> base.relativize(p("rel"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsCaseSensitiveAndPerFileSystem() {
        assertThat(p("/Dir/File.txt")).isNotEqualTo(p("/dir/file.txt"));
        assertThat(p("/Dir/File.txt")).isEqualTo(p("/Dir", "File.txt")).hasSameHashCodeAs(p("/Dir/File.txt"));
        SmbFileSystem other = new SmbFileSystem(provider, new FsKey("files.example", 445, "data", "bob", ""), null);
        assertThat(p("/a")).isNotEqualTo(other.getPath("/a"));
        assertThat(p("/a").startsWith(other.getPath("/"))).isFalse();
        assertThatThrownBy(() -> p("/a").resolve(other.getPath("b"))).isInstanceOf(ProviderMismatchException.class);
        assertThatThrownBy(() -> p("/a").resolve(Path.of("b"))).isInstanceOf(ProviderMismatchException.class);
    }

    @Test
    void backslashIsNotASeparatorButAForbiddenCharacter() {
        assertThat(p("a/b").getNameCount()).isEqualTo(2);
        assertThatThrownBy(() -> p("a\\b")).isInstanceOf(InvalidPathException.class)
                .hasMessageContaining("a\\b").hasMessageContaining("'\\'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", ">", ":", "\"", "|", "?", "*", "\u0001", "\t"})
    void namesWithCharactersSmbForbidsAreInvalidPaths(String c) {
        String input = "/dir/bad" + c + "name.txt";
        assertThatThrownBy(() -> p(input))
                .isInstanceOfSatisfying(InvalidPathException.class, e -> {
                    assertThat(e.getInput()).isEqualTo(input);
                    assertThat(e.getIndex()).isEqualTo(8);
                    assertThat(e.getMessage()).contains(input);
                });
        assertThatThrownBy(() -> p("/dir").resolve("x" + c)).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void toUriPercentEncodesAndNamesUserHostAndShare() {
        SmbPath path = p("/Reports 2026/100% done/été #1.txt");
        URI uri = path.toUri();
        assertThat(uri.getScheme()).isEqualTo("smb");
        assertThat(uri.getUserInfo()).isEqualTo("CORP;alice");
        assertThat(uri.getHost()).isEqualTo("files.example");
        assertThat(uri.getPort()).isEqualTo(-1);
        assertThat(uri.getRawPath()).isEqualTo("/data/Reports%202026/100%25%20done/été%20%231.txt");
        assertThat(uri.toASCIIString()).isEqualTo(
                "smb://CORP;alice@files.example/data/Reports%202026/100%25%20done/%C3%A9t%C3%A9%20%231.txt");
        assertThat(uri.getRawQuery()).isNull();
        assertThat(uri.getRawFragment()).isNull();
        assertThat(p("rel/x").toUri()).isEqualTo(p("/rel/x").toUri());
        assertThat(p("/").toUri().toString()).isEqualTo("smb://CORP;alice@files.example/data/");
        SmbFileSystem onPort = new SmbFileSystem(provider, new FsKey("h", 4445, "s", "", ""), null);
        assertThat(onPort.getPath("/a").toUri().toString()).isEqualTo("smb://h:4445/s/a");
    }

    @Test
    void toAbsolutePathResolvesAgainstTheShareRoot() {
        assertThat(p("a/b").toAbsolutePath()).isEqualTo(p("/a/b"));
        assertThat(p("").toAbsolutePath()).isEqualTo(p("/"));
        assertThat(p("/a").toAbsolutePath()).isEqualTo(p("/a"));
        assertThat(p("a/../b/./c").shareRelative()).isEqualTo("b/c");
        assertThat(p("/").shareRelative()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*.txt", "**/*.txt", "?.txt", "[ab]*", "[!a]*", "{x,y}*.txt", "a\\*b", "*.{txt,md}", "[a-c]?", "**"})
    void globsMatchAsTheDefaultFileSystemsDo(String glob) {
        PathMatcher mine = fs.getPathMatcher("glob:" + glob);
        PathMatcher jdk = local.getPathMatcher("glob:" + glob);
        for (String s : List.of("a.txt", "b.md", "x1.txt", "dir/a.txt", "dir/sub/y.txt", "a*b", "axb", "c", "cz", "ab.txt", "README")) {
            assertThat(mine.matches(p(s.replace("*", "s")))).as("glob %s on %s", glob, s)
                    .isEqualTo(jdk.matches(local.getPath(s.replace("*", "s"))));
        }
        assertThat(fs.getPathMatcher("glob:a\\*b").matches(local.getPath("a*b"))).isTrue();
    }

    @Test
    void badMatcherSyntaxIsRefused() {
        assertThatThrownBy(() -> fs.getPathMatcher("nocolon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fs.getPathMatcher("foo:*")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(fs.getPathMatcher("regex:.*\\.TXT").matches(p("a.TXT"))).isTrue();
    }

    @Test
    void uriWithoutShareWithQueryFragmentOrAnotherSchemeIsRefused() {
        for (String bad : List.of("smb://host", "smb://host/", "smb://host/share?x=1", "smb://host/share#frag", "http://host/share",
                "smb:opaque", "smb:///share", "smb://alice:secret@host/share")) {
            // the message names the URI (with a password, the URI without it)
            String named = bad.contains("secret") ? "smb://host/share" : bad;
            assertThatThrownBy(() -> provider.newFileSystem(URI.create(bad), java.util.Map.of()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret").contains(named));
            assertThatThrownBy(() -> provider.getPath(URI.create(bad))).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret").contains(named));
        }
        assertThatThrownBy(() -> provider.newFileSystem(URI.create("smb://host/share/dir"), java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smb://host/share/dir");
        assertThatThrownBy(() -> provider.newFileSystem(URI.create("smb://host/share"), java.util.Map.of("config", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("config");
    }

    @Test
    void uriParsingDecodesThePathAndTheUser() {
        SmbUri u = SmbUri.parse(URI.create("smb://CORP;alice@Host.Example:4445/Share/a%20b/c%25d"));
        assertThat(u).isEqualTo(new SmbUri("host.example", 4445, "Share", "alice", "CORP", "a b/c%d"));
        assertThat(SmbUri.parse(URI.create("smb://h/s/")).path()).isEmpty();
        assertThat(SmbUri.parse(URI.create("smb://h/s")).port()).isEqualTo(445);
    }

    @Test
    void theProviderIsInstalledForTheSmbScheme() {
        assertThat(java.nio.file.spi.FileSystemProvider.installedProviders())
                .anySatisfy(p -> assertThat(p).isInstanceOf(SmbFileSystemProvider.class));
        assertThatThrownBy(() -> Path.of(URI.create("smb://nobody.invalid/none/x")))
                .isInstanceOf(java.nio.file.FileSystemNotFoundException.class);
    }

    @Test
    void aClosedFileSystemRefusesOperationsButKeepsItsPaths() {
        SmbPath path = p("/a/b");
        fs.close();
        assertThat(fs.isOpen()).isFalse();
        assertThat(path.getParent()).isEqualTo(p("/a"));
        assertThatThrownBy(() -> java.nio.file.Files.exists(path)).isInstanceOf(ClosedFileSystemException.class);
        assertThatThrownBy(() -> java.nio.file.Files.newInputStream(path)).isInstanceOf(ClosedFileSystemException.class);
        fs.close(); // idempotent
    }

    /** The relative path as a string, or the exception's type. */
    private static String relativize(Path from, Path to) {
        try {
            return from.relativize(to).toString();
        } catch (IllegalArgumentException e) {
            return "IllegalArgumentException";
        }
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }

    private static List<String> names(Path p) {
        List<String> out = new ArrayList<>();
        p.forEach(n -> out.add(n.toString()));
        return out;
    }
}
