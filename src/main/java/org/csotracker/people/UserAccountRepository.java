package org.csotracker.people;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    @Query("select u from UserAccount u where u.username = :username")
    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByOfficerId(Long officerId);

    boolean existsByUsername(String username);

    Optional<UserAccount> findByActivationToken(String token);

    @Query("select u.username from UserAccount u join u.roles r where r = :role and u.enabled = true order by u.username")
    List<String> findUsernamesWithRole(Role role);

    @Query("select new org.csotracker.people.People$Recipient(u.username, u.email, u.notificationMail, u.preferredLanguage)"
            + " from UserAccount u"
            + " join u.roles r where r = :role and u.enabled = true order by u.username")
    List<People.Recipient> findRecipientsWithRole(Role role);

    /** The enabled administrators, locked: two admins demoting each other at once cannot leave none. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.enabled = true and exists "
            + "(select 1 from UserAccount a join a.roles r where a = u and r = org.csotracker.people.Role.ADMIN) order by u.id")
    List<UserAccount> lockEnabledAdministrators();

    @Query(value = "select u from UserAccount u where :text = '' or lower(u.username) like :text "
            + "or lower(u.displayName) like :text or lower(coalesce(u.email, '')) like :text order by u.username",
            countQuery = "select count(u) from UserAccount u where :text = '' or lower(u.username) like :text "
                    + "or lower(u.displayName) like :text or lower(coalesce(u.email, '')) like :text")
    Page<UserAccount> search(String text, Pageable pageable);
}
