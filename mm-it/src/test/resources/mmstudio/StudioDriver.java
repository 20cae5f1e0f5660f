import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import mmcorej.CMMCore;
import org.micromanager.PropertyMap;
import org.micromanager.PropertyMaps;
import org.micromanager.UserProfile;
import org.micromanager.acquisition.SequenceSettings;
import org.micromanager.data.Datastore;
import org.micromanager.data.ProcessorPlugin;
import org.micromanager.internal.MMStudio;
import org.micromanager.internal.StartupSettings;
import org.micromanager.profile.internal.UserProfileAdmin;
import org.micromanager.profile.internal.gui.HardwareConfigurationManager;

/**
 * Drives the real Micro-Manager Studio for StudioEndToEndTest. Run as a single-file program (java StudioDriver.java)
 * on Studio's class path, in a child JVM whose HOME points at a scratch folder (Studio keeps its user profiles
 * under $XDG_CONFIG_HOME or $HOME/.config).
 *
 * <ul>
 *   <li>{@code prepare CONFIG.cfg}: the default profile skips the start-up dialog, loads CONFIG.cfg and uses the
 *       Java acquisition engine (AcqEngJ). A separate JVM, because the profile store takes a process-wide lock
 *       that Studio takes again at start;</li>
 *   <li>{@code run PORT FRAMES EXPOSURE_MS}: starts Studio, puts the "flowscope stream" processor (from
 *       ./mmplugins) into the pipeline with PORT, runs a FRAMES-frame time series through AcqEngJ, prints
 *       {@code DRIVER acquired N}, and waits for its standard input to close (the plugin keeps sending after the
 *       acquisition returns).</li>
 * </ul>
 * Exit code 2: wrong arguments; 3: the plugin or the acquisition is missing; 0 otherwise.
 */
public class StudioDriver {
    private static final String PLUGIN = "org.flowscope.mmplugin.FlowscopePlugin";

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("prepare")) {
            prepare(args[1]);
        } else if (args.length == 4 && args[0].equals("run")) {
            run(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Double.parseDouble(args[3]));
        } else {
            System.err.println("usage: StudioDriver prepare CONFIG.cfg | run PORT FRAMES EXPOSURE_MS");
            System.exit(2);
        }
    }

    private static void prepare(String config) throws Exception {
        UserProfileAdmin admin = UserProfileAdmin.create();
        UUID id = admin.getUUIDOfDefaultProfile();
        admin.setCurrentUserProfile(id);
        UserProfile profile = admin.getProfile();
        StartupSettings startup = StartupSettings.create(profile);
        startup.setSkipProfileSelectionAtStartup(true);
        startup.setSkipConfigSelectionAtStartup(true);
        profile.getSettings(HardwareConfigurationManager.class)
                .putStringList("RECENTLY_USED", Collections.singletonList(config));
        profile.getSettings(MMStudio.class).putBoolean("Use new Acquisition Engine", true);
        admin.shutdown();
        System.out.println("DRIVER prepared " + config);
        System.exit(0);
    }

    private static void run(int port, int frames, double exposureMs) throws Exception {
        long t0 = System.nanoTime();
        MMStudio studio = new MMStudio(false, null);
        CMMCore core = studio.core();
        System.out.printf("DRIVER studio up in %.1f s: camera %s, %s, AcqEngJ %s%n", (System.nanoTime() - t0) / 1e9,
                core.getCameraDevice(), core.getVersionInfo(), studio.settings().getShouldUseAcqEngJ());
        Map<String, ProcessorPlugin> plugins = studio.plugins().getProcessorPlugins();
        ProcessorPlugin plugin = plugins.get(PLUGIN);
        if (plugin == null) {
            System.out.println("DRIVER no " + PLUGIN + " among the processor plugins " + plugins.keySet());
            System.exit(3);
        }
        PropertyMap settings = PropertyMaps.builder().putString("host", "127.0.0.1").putInteger("port", port)
                .putString("operation", "average").putInteger("queue", frames).build();
        studio.data().addConfiguredProcessor(plugin.createConfigurator(settings), plugin);
        core.setROI(0, 0, 128, 128);
        core.setExposure(exposureMs);
        SequenceSettings sequence = studio.acquisitions().sequenceSettingsBuilder().numFrames(frames).intervalMs(0)
                .useFrames(true).useChannels(false).useSlices(false).usePositionList(false).save(false)
                .shouldDisplayImages(false).build();
        Datastore store = studio.acquisitions().runAcquisitionWithSettings(sequence, true);
        if (store == null) {
            System.out.println("DRIVER the acquisition returned no datastore (on Java 17 Studio needs the --add-opens "
                    + "flags of jvm-opens.txt)");
            System.exit(3);
        }
        System.out.printf("DRIVER acquired %d images in %.1f s%n", store.getNumImages(), (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait for the test to close our input: the plugin may still be sending
            }
        } catch (IOException e) {
            // the test went away
        }
        System.exit(0);
    }
}
