package dev.smbco.nio;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code Files.readAttributes(path, "view:a,b")} and {@code Files.setAttribute(path, "view:a", v)}
 * for the views {@code basic}, {@code dos} and {@code smb}, each holding the names of the ones
 * before it (as the JDK's dos view holds the basic names).
 */
final class AttributeMaps {
    private static final Map<String, Function<SmbFileAttributes, Object>> BASIC = new LinkedHashMap<>();
    private static final Map<String, Function<SmbFileAttributes, Object>> DOS = new LinkedHashMap<>();
    private static final Map<String, Function<SmbFileAttributes, Object>> SMB = new LinkedHashMap<>();

    static {
        BASIC.put("lastModifiedTime", SmbFileAttributes::lastModifiedTime);
        BASIC.put("lastAccessTime", SmbFileAttributes::lastAccessTime);
        BASIC.put("creationTime", SmbFileAttributes::creationTime);
        BASIC.put("size", SmbFileAttributes::size);
        BASIC.put("isRegularFile", SmbFileAttributes::isRegularFile);
        BASIC.put("isDirectory", SmbFileAttributes::isDirectory);
        BASIC.put("isSymbolicLink", SmbFileAttributes::isSymbolicLink);
        BASIC.put("isOther", SmbFileAttributes::isOther);
        BASIC.put("fileKey", SmbFileAttributes::fileKey);
        DOS.putAll(BASIC);
        DOS.put("readonly", SmbFileAttributes::isReadOnly);
        DOS.put("hidden", SmbFileAttributes::isHidden);
        DOS.put("system", SmbFileAttributes::isSystem);
        DOS.put("archive", SmbFileAttributes::isArchive);
        SMB.putAll(DOS);
        SMB.put("fileId", SmbFileAttributes::fileId);
        SMB.put("allocationSize", SmbFileAttributes::allocationSize);
        SMB.put("changeTime", SmbFileAttributes::changeTime);
        SMB.put("attributes", SmbFileAttributes::attributes);
    }

    private AttributeMaps() {
    }

    private static Map<String, Function<SmbFileAttributes, Object>> view(String name) {
        return switch (name) {
            case "basic" -> BASIC;
            case "dos" -> DOS;
            case SmbFileAttributeView.NAME -> SMB;
            default -> throw new UnsupportedOperationException("attribute view '" + name + "' is not supported (basic, dos, smb are)");
        };
    }

    static Map<String, Object> read(SmbPath path, String attributes) throws IOException {
        int colon = attributes.indexOf(':');
        String viewName = colon < 0 ? "basic" : attributes.substring(0, colon);
        Map<String, Function<SmbFileAttributes, Object>> view = view(viewName);
        List<String> wanted = List.of((colon < 0 ? attributes : attributes.substring(colon + 1)).split(","));
        for (String w : wanted) {
            if (!w.equals("*") && !view.containsKey(w)) {
                throw new IllegalArgumentException("'" + w + "' is not an attribute of the " + viewName + " view");
            }
        }
        SmbFileAttributes a = AttributeView.read(path, view == SMB);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Function<SmbFileAttributes, Object>> e : view.entrySet()) {
            if (wanted.contains("*") || wanted.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue().apply(a));
            }
        }
        return out;
    }

    static void set(SmbPath path, String attribute, Object value) throws IOException {
        int colon = attribute.indexOf(':');
        String viewName = colon < 0 ? "basic" : attribute.substring(0, colon);
        String name = colon < 0 ? attribute : attribute.substring(colon + 1);
        view(viewName);
        AttributeView v = new AttributeView(path, viewName);
        switch (name) {
            case "lastModifiedTime" -> v.setTimes((FileTime) value, null, null);
            case "lastAccessTime" -> v.setTimes(null, (FileTime) value, null);
            case "creationTime" -> v.setTimes(null, null, (FileTime) value);
            case "readonly", "hidden", "system", "archive" -> {
                if (viewName.equals("basic")) {
                    throw new IllegalArgumentException("'" + name + "' is not an attribute of the basic view");
                }
                boolean b = (Boolean) value;
                switch (name) {
                    case "readonly" -> v.setReadOnly(b);
                    case "hidden" -> v.setHidden(b);
                    case "system" -> v.setSystem(b);
                    default -> v.setArchive(b);
                }
            }
            default -> throw new IllegalArgumentException("'" + attribute + "' cannot be set (the times and the dos flags can)");
        }
    }
}
