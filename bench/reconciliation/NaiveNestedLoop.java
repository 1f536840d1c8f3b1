import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline the issue names (roncoo-pay's way): both files read into lists, then for every HIS record a scan of
 * the channel's lines for its match — O(n·m). Prints "matched mismatches seconds".
 * usage: java NaiveNestedLoop.java wechat.csv his.csv
 */
public class NaiveNestedLoop {

    record Line(String kind, String key, long fen) {
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        List<Line> channel = new ArrayList<>();
        for (String text : Files.readAllLines(Path.of(args[0]))) {
            if (!text.startsWith("`") || text.startsWith("`0,") && text.split(",").length < 10) {
                continue;
            }
            String[] v = text.replace("`", "").split(",", -1);
            if (v.length < 20) {
                continue;
            }
            boolean refund = v[9].equals("REFUND");
            channel.add(new Line(refund ? "REFUND" : "PAY", refund ? v[15] : v[6], fen(refund ? v[16] : v[12])));
        }
        List<Line> his = new ArrayList<>();
        for (String text : Files.readAllLines(Path.of(args[1])).subList(1, Files.readAllLines(Path.of(args[1])).size())) {
            String[] v = text.split(",", -1);
            his.add(new Line(v[3], v[3].equals("REFUND") ? v[2] : v[1], fen(v[4])));
        }
        long matched = 0;
        long mismatches = 0;
        boolean[] used = new boolean[channel.size()];
        for (Line h : his) {
            boolean found = false;
            for (int i = 0; i < channel.size(); i++) {
                Line c = channel.get(i);
                if (!used[i] && c.kind().equals(h.kind()) && c.key().equals(h.key())) {
                    used[i] = true;
                    found = true;
                    if (c.fen() == h.fen()) {
                        matched++;
                    } else {
                        mismatches++;
                    }
                    break;
                }
            }
            if (!found) {
                mismatches++;
            }
        }
        for (boolean u : used) {
            if (!u) {
                mismatches++;
            }
        }
        System.out.printf("%d %d %.2f%n", matched, mismatches, (System.nanoTime() - started) / 1e9);
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }
}
