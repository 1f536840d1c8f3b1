package org.medops.portal.notices;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's in-app messages (站内消息), newest first; a person reads and marks only their own. */
@Repository
public class Inbox {

    /** The newest messages a person sees; older ones are kept (the unread count includes them) but not listed. */
    static final int SHOWN = 200;

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String username, String title, String body, String link, Instant at) {
        jdbc.sql("insert into user_messages(username, title, body, link, created_at) "
                        + "values (:username, :title, :body, :link, :at)")
                .param("username", username)
                .param("title", clip(title, 512))
                .param("body", clip(body, 4000))
                .param("link", link)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<UserMessage> of(String username) {
        return jdbc.sql("select * from user_messages where username = :username order by id desc limit :limit")
                .param("username", username).param("limit", SHOWN).query(UserMessage.class).list();
    }

    public long unread(String username) {
        return jdbc.sql("select count(*) from user_messages where username = :username and read_at is null")
                .param("username", username).query(Long.class).single();
    }

    boolean markRead(long id, String username, Instant at) {
        return jdbc.sql("update user_messages set read_at = :at "
                        + "where id = :id and username = :username and read_at is null")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .param("username", username)
                .update() > 0;
    }

    void markAllRead(String username, Instant at) {
        jdbc.sql("update user_messages set read_at = :at where username = :username and read_at is null")
                .param("at", Timestamp.from(at))
                .param("username", username)
                .update();
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
