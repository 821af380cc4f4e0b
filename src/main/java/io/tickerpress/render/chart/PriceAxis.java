package io.tickerpress.render.chart;

import io.tickerpress.render.Numbers;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A price axis whose tick labels follow one decimal rule ({@link Numbers#priceTicks}): the ticks of one axis are
 * written with the same number of decimals, even where the axis crosses 1 (or 0.01), where each price alone would
 * take another.
 */
final class PriceAxis extends NumberAxis {
    PriceAxis(String label) {
        super(label);
        setNumberFormatOverride(Numbers.asFormat(Numbers::price)); // the labels' widths while the ticks are chosen
    }

    @Override
    public List<? extends Tick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<? extends Tick> ticks = super.refreshTicks(g2, state, dataArea, edge);
        return relabel(ticks);
    }

    static List<Tick> relabel(List<? extends Tick> ticks) {
        List<NumberTick> numbers = new ArrayList<>();
        // Minor ticks (between the major ones) carry no label: labelling them wrote a price at every minor tick.
        for (Tick t : ticks) if (labelled(t)) numbers.add((NumberTick) t);
        double[] values = numbers.stream().mapToDouble(n -> n.getNumber().doubleValue()).toArray();
        List<String> labels = Numbers.priceTicks(values);
        List<Tick> out = new ArrayList<>(ticks.size());
        int i = 0;
        for (Tick t : ticks) {
            if (labelled(t)) {
                NumberTick n = (NumberTick) t;
                out.add(new NumberTick(n.getTickType(), n.getValue(), labels.get(i++), n.getTextAnchor(),
                        n.getRotationAnchor(), n.getAngle()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean labelled(Tick t) {
        return t instanceof NumberTick n && n.getTickType() == org.jfree.chart.axis.TickType.MAJOR;
    }
}
