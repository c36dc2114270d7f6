package dev.smbco.cli.demo;

import java.util.HashMap;
import java.util.Map;

/** The environment the demo gives the setup scripts: our password, and none of the user's SMBCO_* knobs. */
final class DemoEnv {
    private DemoEnv() {
    }

    static Map<String, String> scriptEnv(String password) {
        Map<String, String> env = new HashMap<>();
        for (String k : new String[] {"SMBCO_VARIANT", "SMBCO_SIGNING", "SMBCO_MIN_PROTOCOL", "SMBCO_MAX_PROTOCOL",
            "SMBCO_DOMAIN", "SMBCO_PORT", "SMBCO_LOG_LEVEL", "SMBCO_SMB_CONF_TEMPLATE"}) {
            env.put(k, null);
        }
        env.put("SMBCO_USER", "test");
        env.put("SMBCO_PASSWORD", password);
        return env;
    }
}
