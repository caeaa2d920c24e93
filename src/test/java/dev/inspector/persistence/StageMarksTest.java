package dev.inspector.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inspector.domain.lifecycle.StageMark;
import dev.inspector.testing.PostgresExtension;
import dev.inspector.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The newest state change and the newest promotion of each flag, read by walking the history's index. */
@ExtendWith(PostgresExtension.class)
class StageMarksTest {

    @Test
    void eachFlagGetsItsNewestStateChangeAndItsNewestPromotion(TestDatabase db) {
        db.execute("DELETE FROM inspector.change_set");
        db.execute("""
                INSERT INTO inspector.change_set (happened_at, os_user, action, flag_key, reason) VALUES
                  ('2026-11-01 10:00+00', 'ann',  'promote:pilot',   'alpha', ''),
                  ('2026-11-02 10:00+00', 'bob',  'promote:general', 'alpha', ''),
                  ('2026-11-03 10:00+00', 'cy',   'kill:KILLSWITCH', 'alpha', ''),
                  ('2026-11-04 10:00+00', 'dee',  'edit',            'alpha', ''),
                  ('2026-11-05 10:00+00', 'eve',  'grant',           'alpha', ''),
                  ('2026-11-01 09:00+00', 'fay',  'promote:pilot',   'beta',  ''),
                  ('2026-11-01 09:00+00', 'gus',  'override',        'beta',  ''),
                  ('2026-11-06 10:00+00', 'hal',  'move-tenant',     'gamma', ''),
                  ('2026-11-07 10:00+00', 'ivy',  'kill:KILLSWITCH', NULL,    '')""");

        Map<String, StageMark> changes = StageMarks.lastChange(db.dsl());
        Map<String, StageMark> promotions = StageMarks.lastPromotion(db.dsl());

        assertThat(changes.get("alpha").action()).isEqualTo("kill:KILLSWITCH");   // edit and grant move no flag
        assertThat(changes.get("beta").action()).as("same moment: the later row wins").isEqualTo("override");
        assertThat(changes).doesNotContainKey("gamma").hasSize(2);
        assertThat(promotions.get("alpha").action()).isEqualTo("promote:general");
        assertThat(promotions.get("beta").action()).isEqualTo("promote:pilot");
        assertThat(promotions).hasSize(2);
    }
}
