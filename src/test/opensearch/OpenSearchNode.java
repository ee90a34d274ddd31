import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opensearch.Version;
import org.opensearch.analysis.common.CommonAnalysisModulePlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;

/**
 * A single OpenSearch node for the tests, run with the JDK's source launcher on the classpath resolved from the
 * pom.xml beside this file: {@code java -cp CLASSPATH OpenSearchNode.java HOME HTTP_PORT TRANSPORT_PORT}. It binds
 * to 127.0.0.1 only, forms a cluster of itself, has no security plug-in, and loads the two modules every OpenSearch
 * distribution ships that Masthead uses: HTTP over Netty and the common analysis filters. It stops when its
 * standard input closes, so it never outlives the test JVM that started it.
 */
public class OpenSearchNode {

    public static void main(String[] args) throws Exception {
        var home = Path.of(args[0]).toAbsolutePath();
        for (var folder : List.of("config", "data", "logs", "modules", "plugins")) {
            Files.createDirectories(home.resolve(folder));
        }
        var settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "masthead-test")
                .put("node.name", "masthead-test")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", args[1])
                .put("transport.port", args[2])
                .put("action.auto_create_index", "false")
                .put("action.destructive_requires_name", "false")
                .put("cluster.routing.allocation.disk.threshold_enabled", "false")
                .put("indices.memory.index_buffer_size", "20%")
                .put("logger.level", "WARN")
                .build();
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);
        var environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), home.resolve("config"),
                () -> "masthead-test");
        var node = new Node(environment, List.of(module(Netty4ModulePlugin.class), module(CommonAnalysisModulePlugin.class)),
                true) {
        };
        node.start();
        System.out.println("started");
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // stops when the parent closes the pipe or dies
            }
        } catch (IOException parentGone) {
            // the same
        }
        node.close();
        System.exit(0);
    }

    private static PluginInfo module(Class<? extends Plugin> plugin) {
        return new PluginInfo(plugin.getSimpleName(), plugin.getSimpleName(), Version.CURRENT.toString(), Version.CURRENT,
                "21", plugin.getName(), null, List.of(), false);
    }
}
