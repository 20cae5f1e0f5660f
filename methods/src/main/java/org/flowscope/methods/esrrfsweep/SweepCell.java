package org.flowscope.methods.esrrfsweep;

import java.util.List;

/**
 * One parameter combination of the sweep and its figures, each the mean over the blocks where it could be measured.
 *
 * @param radius               eSRRF radius, input pixels
 * @param sensitivity          eSRRF sensitivity
 * @param frames               frames per reconstruction
 * @param blocks               blocks of {@code frames} consecutive frames measured
 * @param rsp                  mean SQUIRREL RSP (reconstruction against the block's temporal mean); NaN if never measured
 * @param rse                  mean SQUIRREL RSE, input intensity units
 * @param rsfSigmaPx           mean RSF sigma, SR pixels
 * @param resolutionPx         mean resolution in input pixels (FRC or decorrelation, SR pixels / magnification)
 * @param gridLimitedBlocks    blocks whose FRC never crossed 1/7, counted at the grid's limit (2 SR pixels)
 * @param normalisedResolution the logistic of the resolution over the whole map ({@link QnrScore#normalise})
 * @param qnr                  harmonic mean of RSP and normalised resolution ({@link QnrScore#qnr}); NaN if unscored
 * @param problems             distinct reasons why a block's figure was NaN (empty when every block was measured)
 * @param seconds              wall time of this combination (reconstructions and metrics)
 */
public record SweepCell(float radius, float sensitivity, int frames, int blocks, double rsp, double rse, double rsfSigmaPx,
        double resolutionPx, int gridLimitedBlocks, double normalisedResolution, double qnr, List<String> problems, double seconds) {
    public SweepCell {
        problems = List.copyOf(problems);
    }

    SweepCell scored(double normalised) {
        return new SweepCell(radius, sensitivity, frames, blocks, rsp, rse, rsfSigmaPx, resolutionPx, gridLimitedBlocks, normalised,
                QnrScore.qnr(rsp, normalised), problems, seconds);
    }
}
