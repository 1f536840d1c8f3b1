package org.medops.portal.notices;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's in-app messages (站内消息), newest first; a person reads and marks only their own. */
@Repository
public class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String username, String title, String body, String link, Instant at) {
        jdbc.sql("insert into user_messages(username, title, body, link, created_at) values (?, ?, ?, ?, ?)")
                .params(username, clip(title, 512), clip(body, 4000), link, Timestamp.from(at)).update();
    }

    List<UserMessage> of(String username) {
        return jdbc.sql("select * from user_messages where username = ? order by id desc limit 200")
                .param(username).query(UserMessage.class).list();
    }

    public long unread(String username) {
        return jdbc.sql("select count(*) from user_messages where username = ? and read_at is null")
                .param(username).query(Long.class).single();
    }

    boolean markRead(long id, String username, Instant at) {
        return jdbc.sql("update user_messages set read_at = ? where id = ? and username = ? and read_at is null")
                .params(Timestamp.from(at), id, username).update() > 0;
    }

    void markAllRead(String username, Instant at) {
        jdbc.sql("update user_messages set read_at = ? where username = ? and read_at is null")
                .params(Timestamp.from(at), username).update();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    record UserMessage(long id, String username, String title, String body, String link, Instant createdAt,
                       Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }
}
