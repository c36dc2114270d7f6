package dev.smbco.cli.commands;

import dev.smbco.cli.SmbUrl;
import dev.smbco.client.rpc.ShareInfo;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code ls smb://HOST/} prints a server's shares: smbclient -L's table, or JSON. */
final class Shares {
    private Shares() {
    }

    /** The table {@code smbclient -L} prints (Sharename, Type, Comment), without its leading tabs and trailing blanks. */
    static void table(PrintStream out, List<ShareInfo> shares) {
        row(out, "Sharename", "Type", "Comment");
        row(out, "---------", "----", "-------");
        for (ShareInfo s : shares) {
            row(out, s.name(), s.type().label(), s.comment());
        }
    }

    private static void row(PrintStream out, String name, String type, String comment) {
        out.println(String.format("%-15s %-10s%s", name, type, comment).stripTrailing());
    }

    /** One object per share: name, type, comment, the raw type flags, special/temporary, and the share's URL. */
    static String json(List<ShareInfo> shares, SmbUrl server) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ShareInfo s : shares) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("type", s.type().label());
            m.put("comment", s.comment());
            m.put("typeHex", String.format("0x%08X", s.flags()));
            m.put("special", s.isSpecial());
            m.put("temporary", s.isTemporary());
            m.put("url", new SmbUrl(null, null, null, server.host(), server.port(), s.name(), List.of(), false).toString());
            list.add(m);
        }
        return Json.write(list);
    }
}
