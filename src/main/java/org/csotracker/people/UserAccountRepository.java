package org.csotracker.people;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    Optional<UserAccount> findByOfficerId(Long officerId);

    boolean existsByUsername(String username);

    Optional<UserAccount> findByActivationToken(String token);

    @Query("select u.username from UserAccount u join u.roles r where r = :role and u.enabled = true order by u.username")
    List<String> findUsernamesWithRole(Role role);
}
