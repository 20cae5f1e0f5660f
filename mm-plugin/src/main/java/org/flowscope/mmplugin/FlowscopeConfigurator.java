package org.flowscope.mmplugin;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.ActionEvent;
import java.awt.event.ActionListener;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;
import org.micromanager.PropertyMap;
import org.micromanager.Studio;
import org.micromanager.data.ProcessorConfigurator;

/**
 * The configuration dialog: host, port, token, operation, parameters and queue size, plus a status line with the
 * current acquisition's undelivered-frame count, refreshed twice a second.
 */
final class FlowscopeConfigurator implements ProcessorConfigurator {
    private final PluginStatus status;
    private final Studio studio;
    private volatile SenderSettings settings;
    private JFrame frame;
    private Timer refresh;

    FlowscopeConfigurator(SenderSettings settings, PluginStatus status, Studio studio) {
        this.settings = settings;
        this.status = status;
        this.studio = studio;
    }

    @Override
    public void showGUI() {
        SwingUtilities.invokeLater(new Runnable() {
            @Override
            public void run() {
                if (frame == null) {
                    build();
                }
                frame.setVisible(true);
                frame.toFront();
            }
        });
    }

    private void build() {
        final SenderSettings s = settings;
        final JTextField host = new JTextField(s.host(), 16);
        final JTextField port = new JTextField(Integer.toString(s.port()), 6);
        final JPasswordField token = new JPasswordField(s.token(), 16);
        final JTextField operation = new JTextField(s.operation(), 16);
        final JTextField parameters = new JTextField(s.parameters(), 24);
        final JTextField queue = new JTextField(Integer.toString(s.queueCapacity()), 6);
        final JLabel message = new JLabel(" ");
        final JLabel counters = new JLabel(status.describe());

        JPanel form = new JPanel(new GridBagLayout());
        String[] labels = {"Host", "Port", "Token", "Operation", "Parameters", "Queue (frames)"};
        JTextField[] fields = {host, port, token, operation, parameters, queue};
        for (int i = 0; i < labels.length; i++) {
            GridBagConstraints c = new GridBagConstraints();
            c.gridy = i;
            c.insets = new Insets(2, 4, 2, 4);
            c.anchor = GridBagConstraints.WEST;
            form.add(new JLabel(labels[i]), c);
            c.gridx = 1;
            c.fill = GridBagConstraints.HORIZONTAL;
            c.weightx = 1;
            form.add(fields[i], c);
        }
        JButton apply = new JButton("Apply");
        apply.addActionListener(new ActionListener() {
            @Override
            public void actionPerformed(ActionEvent e) {
                try {
                    settings = new SenderSettings(host.getText(), Integer.parseInt(port.getText().trim()),
                            new String(token.getPassword()), operation.getText(), parameters.getText(),
                            Integer.parseInt(queue.getText().trim()), settings.clientName());
                    message.setText("applied: " + settings + " (next acquisition)");
                    if (studio != null) {
                        // Micro-Manager rebuilds the pipeline, and so our processor factory, from getSettings().
                        studio.data().notifyPipelineChanged();
                    }
                } catch (IllegalArgumentException ex) {
                    message.setText("not applied: " + ex.getMessage());
                }
            }
        });
        JPanel south = new JPanel(new BorderLayout());
        south.add(message, BorderLayout.NORTH);
        south.add(counters, BorderLayout.CENTER);
        south.add(apply, BorderLayout.EAST);

        frame = new JFrame("flowscope stream");
        frame.setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);
        frame.getContentPane().add(form, BorderLayout.CENTER);
        frame.getContentPane().add(south, BorderLayout.SOUTH);
        frame.pack();
        refresh = new Timer(500, new ActionListener() {
            @Override
            public void actionPerformed(ActionEvent e) {
                counters.setText(status.describe());
            }
        });
        refresh.start();
    }

    @Override
    public void cleanup() {
        SwingUtilities.invokeLater(new Runnable() {
            @Override
            public void run() {
                if (refresh != null) {
                    refresh.stop();
                }
                if (frame != null) {
                    frame.dispose();
                    frame = null;
                }
            }
        });
    }

    @Override
    public PropertyMap getSettings() {
        return SettingsMaps.write(settings);
    }

    SenderSettings currentSettings() {
        return settings;
    }
}
