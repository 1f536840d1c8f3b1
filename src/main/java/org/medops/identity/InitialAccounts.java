package org.medops.identity;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first administrator, and with {@code --demo} one account per built-in role so a newcomer
 * can see every view. Runs once: accounts that exist are left alone.
 */
@Component
class InitialAccounts {

    /** Documented in the README; only ever created in demo mode. */
    static final String DEMO_PASSWORD = "MedOps#Demo2026";

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    private final Users users;
    private final Accounts accounts;
    private final String adminPassword;
    private final boolean demo;
    private final PrintStream console;

    InitialAccounts(Users users, Accounts accounts,
                    @Value("${medops.admin.initial-password:}") String adminPassword,
                    @Value("${medops.demo:false}") boolean demo) {
        this.users = users;
        this.accounts = accounts;
        this.adminPassword = adminPassword;
        this.demo = demo;
        this.console = System.out;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    @Transactional
    public void create() {
        if (users.count() == 0) {
            createAdministrator();
        }
        if (demo) {
            createDemoAccounts();
        }
    }

    private void createAdministrator() {
        boolean chosen = adminPassword != null && !adminPassword.isBlank();
        Accounts.NewAccount admin = accounts.createByPlatform(new NewUser("admin", "系统管理员", null,
                chosen ? adminPassword : null, Set.of(BuiltInRole.SYSTEM_ADMIN.name())), chosen);
        if (chosen) {
            log.info("Created administrator 'admin' with the password from MEDOPS_ADMIN_PASSWORD");
        } else {
            // Printed once to the terminal, never to the log: it must be changed at first login.
            console.println();
            console.println("==================================================================");
            console.println(" MedOps first start: administrator account created");
            console.println("   username: admin");
            console.println("   password: " + admin.generatedPassword());
            console.println(" You must change this password when you first sign in.");
            console.println("==================================================================");
            console.println();
        }
    }

    private void createDemoAccounts() {
        List<NewUser> demoUsers = List.of(
                new NewUser("secadmin", "安全管理员 王敏", null, DEMO_PASSWORD, Set.of(BuiltInRole.SECURITY_ADMIN.name())),
                new NewUser("auditor", "审计管理员 李静", null, DEMO_PASSWORD, Set.of(BuiltInRole.AUDIT_ADMIN.name())),
                new NewUser("engineer", "运维工程师 张伟", null, DEMO_PASSWORD, Set.of(BuiltInRole.OPS_ENGINEER.name())),
                new NewUser("manager", "服务经理 孙丽", null, DEMO_PASSWORD, Set.of(BuiltInRole.SERVICE_MANAGER.name())),
                new NewUser("reviewer", "信息科审核人 陈刚", null, DEMO_PASSWORD,
                        Set.of(BuiltInRole.HOSPITAL_REVIEWER.name())),
                new NewUser("viewer", "只读用户 赵磊", null, DEMO_PASSWORD, Set.of(BuiltInRole.READ_ONLY.name())),
                new NewUser("clinician", "心内科医生 刘洋", null, DEMO_PASSWORD, Set.of(BuiltInRole.CLINICIAN.name())),
                new NewUser("committee", "信息安全委员会 周华", null, DEMO_PASSWORD,
                        Set.of(BuiltInRole.SECURITY_COMMITTEE.name())),
                new NewUser("committee2", "信息安全委员会 吴敏", null, DEMO_PASSWORD,
                        Set.of(BuiltInRole.SECURITY_COMMITTEE.name())),
                new NewUser("finance", "财务科 钱芳", null, DEMO_PASSWORD, Set.of(BuiltInRole.FINANCE.name())),
                new NewUser("publisher", "医务科 郑军", null, DEMO_PASSWORD, Set.of(BuiltInRole.DATA_PUBLISHER.name())),
                new NewUser("publisher2", "门诊部 冯霞", null, DEMO_PASSWORD, Set.of(BuiltInRole.DATA_PUBLISHER.name())));
        int created = 0;
        for (NewUser user : demoUsers) {
            if (!users.exists(user.username())) {
                accounts.createByPlatform(user, true);
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo mode: created {} demo accounts (secadmin, auditor, engineer, manager, reviewer, viewer, clinician, committee, committee2, finance, publisher, publisher2); "
                    + "their password is in the README", created);
        }
    }
}
