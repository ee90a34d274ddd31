package org.masthead.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    /** Names resolve from this table, never through DNS. */
    private static final Map<String, String[]> HOSTS = Map.of(
            "public.example", new String[] {"93.184.216.34"},
            "mixed.example", new String[] {"93.184.216.34", "10.1.2.3"},
            "v6.example", new String[] {"2606:2800:220:1:248:1893:25c8:1946"},
            "ula.example", new String[] {"fd12:3456::1"});

    private final WebhookTargets strict = new WebhookTargets(false, WebhookTargetsTest::resolve);
    private final WebhookTargets permissive = new WebhookTargets(true, WebhookTargetsTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.0.0.5/",
            "http://172.16.9.9/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:10.0.0.1]/", "https://mixed.example/hook", "https://ula.example/", "http://224.0.0.1/",
            "http://255.255.255.255/"})
    void refusesAddressesInsidePrivateNetworks(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(InvalidWebhook.class)
                .hasMessageContaining("private network")
                .satisfies(e -> assertThat(((InvalidWebhook) e).field()).isEqualTo("url"));
    }

    /** Translations and tunnels into private networks, documentation, benchmarking and reserved ranges. */
    @ParameterizedTest
    @ValueSource(strings = {"http://[64:ff9b::a00:1]/", "http://[64:ff9b::5db8:d822]/", "http://[64:ff9b:1::a00:1]/",
            "http://[2002:c0a8:101::1]/", "http://[2002:5db8:d822::1]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "http://[2001:db8::1]/", "http://[3fff::1]/", "http://[100::1]/", "http://[ff02::1]/", "http://[fec0::1]/",
            "http://[::]/", "http://[::10.0.0.1]/", "http://192.0.2.1/", "http://198.51.100.7/", "http://203.0.113.7/",
            "http://198.18.0.1/", "http://192.0.0.8/", "http://192.88.99.1/", "http://240.0.0.1/"})
    void refusesSpecialPurposeRanges(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(InvalidWebhook.class)
                .hasMessageContaining("private network");
    }

    @Test
    void theAddressesConnectedToAreTheCheckedOnesEvenWhenDnsAnswersDifferently() throws Exception {
        // a name that answers a public address to the check and a loopback one a moment later (DNS rebinding)
        var answers = new java.util.ArrayDeque<>(java.util.List.of("93.184.216.34", "127.0.0.1"));
        var rebinding = new WebhookTargets(false, host -> new InetAddress[] {
                InetAddress.getByAddress(host, InetAddress.getByName(answers.isEmpty() ? "127.0.0.1" : answers.poll()).getAddress())});
        assertThat(rebinding.check("https://rebind.example/hook")).hasHost("rebind.example");
        // the connection asks again, and whatever it is told is checked before it is used
        assertThatThrownBy(() -> rebinding.addresses("rebind.example")).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(strict.addresses("public.example")).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
        assertThat(permissive.addresses("127.0.0.1")).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @Test
    void logsNameTheHostButNeverThePathOrQuery() {
        assertThat(WebhookTargets.redacted("https://hooks.example:8443/services/T000/B000/SECRET?token=abc"))
                .isEqualTo("https://hooks.example:8443/…").doesNotContain("SECRET", "abc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://public.example/", "javascript:alert(1)", "https://user:pw@public.example/",
            "https:///nohost", "not a url", "https://nowhere.invalid/", "https://public.example/#x", ""})
    void refusesWhatIsNotAPlainWebUrl(String url) {
        assertThatThrownBy(() -> permissive.check(url)).isInstanceOf(InvalidWebhook.class);
    }

    @Test
    void acceptsPublicAddressesAndLoopbackOnlyWhenAllowed() {
        assertThat(strict.check("https://public.example/hook?x=1")).hasHost("public.example");
        assertThat(strict.check("https://v6.example/hook")).hasHost("v6.example");
        assertThat(permissive.check("http://127.0.0.1:9000/hook")).hasPort(9000);
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        var names = HOSTS.get(host);
        if (names != null) {
            var addresses = new InetAddress[names.length];
            for (int i = 0; i < names.length; i++) {
                addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(names[i]).getAddress());
            }
            return addresses;
        }
        if (host.endsWith(".invalid")) {
            throw new UnknownHostException(host);
        }
        return InetAddress.getAllByName(host);   // literal addresses and localhost, no DNS query
    }
}
